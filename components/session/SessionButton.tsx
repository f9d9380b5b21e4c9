import { Button } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { ContextUsage } from '../../src/activity/index.js';
import type { AcpConfig } from '../../src/protocol/index.js';
import { ContextMeter } from './ContextMeter.js';
import { MODE_LOOK } from './mode-labels.js';

/**
 * Opens the session-config modal and shows the thread's current mode, model, reasoning and context
 * left. Purely from props, so it can never lag behind the saved config; `reported` is what the
 * agent said it uses (its latest turn's config options), shown where the config leaves a value unset.
 */
export type ReportedSession = { model: string | null; reasoning: string | null };

export type SessionButtonProps = {
  config: AcpConfig;
  usage?: ContextUsage | null;
  /** Context in use after the turn before the latest, and the latest turn's compactions: see ContextMeter. */
  previousUsed?: number | null;
  compactions?: number;
  reported?: ReportedSession;
  onClick: () => void;
  /** A project viewer sees the settings but cannot open them to change them. */
  disabled?: boolean;
};

export function SessionButton({ config, usage, previousUsed, compactions, reported, onClick, disabled = false }: SessionButtonProps) {
  const mode = config.sessionMode ? MODE_LOOK[config.sessionMode] : null;
  // Unset in the config means "the agent's default": show what the agent reported using, if known.
  const model = config.model || reported?.model || 'default model';
  const reasoning = config.reasoning || reported?.reasoning;
  const parts = [mode?.label ?? 'default mode', model, reasoning ? `${reasoning} reasoning` : null].filter(Boolean);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', maxWidth: '100%' }}>
      <Button size="small" icon={<SettingOutlined />} onClick={onClick} disabled={disabled} title={disabled ? 'You can read this project (viewer): its collaborators change the session settings.' : undefined} danger={mode?.danger} aria-label={`Session settings: ${parts.join(', ')}`}>
        {parts.join(' · ')}
      </Button>
      <ContextMeter usage={usage} previousUsed={previousUsed} compactions={compactions} />
    </span>
  );
}
