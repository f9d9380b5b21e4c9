import { Button } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { ContextUsage } from '../../src/activity/index.js';
import type { AcpConfig } from '../../src/protocol/index.js';
import { ContextMeter } from './ContextMeter.js';
import { MODE_LOOK } from './mode-labels.js';

/**
 * Opens the session-config modal and shows the thread's current mode, model, reasoning and context
 * left. Purely from props, so it can never lag behind the saved config.
 */
export function SessionButton({ config, usage, onClick }: { config: AcpConfig; usage?: ContextUsage | null; onClick: () => void }) {
  const mode = config.sessionMode ? MODE_LOOK[config.sessionMode] : null;
  const parts = [mode?.label ?? 'default mode', config.model || 'default model', config.reasoning ? `${config.reasoning} reasoning` : null].filter(Boolean);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Button size="small" icon={<SettingOutlined />} onClick={onClick} danger={mode?.danger} aria-label={`Session settings: ${parts.join(', ')}`}>
        {parts.join(' · ')}
      </Button>
      <ContextMeter usage={usage} compact />
    </span>
  );
}
