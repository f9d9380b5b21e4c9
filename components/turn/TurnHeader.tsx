import { Tag } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import type { TurnView } from '../../src/activity/index.js';
import { isTurnEnded } from '../../src/activity/index.js';
import { formatElapsed } from '../common/format.js';
import { InterruptControl } from './InterruptControl.js';
import { TurnMenu } from './TurnMenu.js';

type TurnHeaderProps = { turnId: string; view: TurnView | undefined; now: number; agentLabel?: string; model?: string | null; /** The turn's thread: with it, the turn menu is shown. */ threadKey?: string };

/** "Working 0:42" (live) / "Worked for 1:05", the agent and model, the Interrupt control and the turn menu. */
export function TurnHeader({ turnId, view, now, agentLabel, model, threadKey }: TurnHeaderProps) {
  const ended = isTurnEnded(view);
  const startedAt = view?.startedAt ?? null;
  const elapsedMs = startedAt === null ? 0 : (ended ? (view?.endedAt ?? now) : now) - startedAt;
  let status: string;
  if (startedAt === null || view?.state === 'queued') status = 'Waiting to start';
  else if (ended) status = `Worked for ${formatElapsed(elapsedMs)}`;
  else status = `Working ${formatElapsed(elapsedMs)}`;
  return (
    <header className="cc-turn-header" style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      {!ended && startedAt !== null ? <LoadingOutlined aria-hidden /> : null}
      <span className="cc-turn-status">{status}</span>
      {agentLabel ? <Tag>{agentLabel}</Tag> : null}
      {model ? <Tag color="blue">{model}</Tag> : null}
      {view?.state === 'awaiting-permission' ? <Tag color="gold">waiting for your approval</Tag> : null}
      <span style={{ flex: 1 }} />
      <InterruptControl turnId={turnId} elapsedMs={elapsedMs} />
      {threadKey ? <TurnMenu turnId={turnId} threadKey={threadKey} ended={ended} /> : null}
    </header>
  );
}
