import { Button, Popconfirm, Tag } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useInterrupt } from '../../stores/hooks/useInterrupt.js';
import { useWhoName } from '../people/useWhoName.js';
import { WhoLine } from '../people/WhoLine.js';
import { useProjectAccess } from '../projects/project-access.js';

// Past this, an accidental click would throw away real work: ask first.
export const LONG_TURN_MS = 60_000;

const OUTCOME = {
  stopped: { color: 'default', label: 'Stopped' },
  killed: { color: 'error', label: 'Killed (the agent did not stop)' },
  failed: { color: 'error', label: 'Failed' },
  interrupted: { color: 'warning', label: 'Interrupted (hub restarted)' },
} as const;

/**
 * Interrupt button (confirm when the turn ran long) -> "Stopping..." until the hub confirms -> outcome,
 * with who interrupted ("Bo interrupted"). A project viewer gets no button.
 */
export function InterruptControl({ turnId, elapsedMs }: { turnId: string; elapsedMs: number }) {
  const { phase, error, interrupt, interruptedBy } = useInterrupt(turnId);
  const { canWrite } = useProjectAccess();
  const whoName = useWhoName();
  const who = interruptedBy && (phase === 'stopping' || phase === 'stopped' || phase === 'killed') ? <InterruptedBy accountId={interruptedBy} name={whoName(interruptedBy)} /> : null;
  if (phase === 'stopping') {
    return (
      <>
        <Tag color="processing" role="status">Stopping...</Tag>
        {who}
      </>
    );
  }
  if (phase in OUTCOME) {
    const outcome = OUTCOME[phase as keyof typeof OUTCOME];
    return (
      <>
        <Tag color={outcome.color} role="status">{outcome.label}</Tag>
        {who}
      </>
    );
  }
  if (phase !== 'idle' || !canWrite) return null;
  const button = (onClick?: () => void) => (
    <Button size="small" danger icon={<StopOutlined />} onClick={onClick}>
      Interrupt
    </Button>
  );
  return (
    <>
      {elapsedMs >= LONG_TURN_MS ? (
        <Popconfirm title="Interrupt this turn?" description="It has been working for a while; its progress so far is kept." okText="Interrupt" okButtonProps={{ danger: true }} onConfirm={() => void interrupt()}>
          {button()}
        </Popconfirm>
      ) : (
        button(() => void interrupt())
      )}
      {error ? <Tag color="error" role="alert">Could not interrupt: {error}</Tag> : null}
    </>
  );
}

function InterruptedBy({ accountId, name }: { accountId: string; name: string }) {
  return (
    <span className="cc-interrupted-by" style={{ display: 'inline-flex' }}>
      <WhoLine accountId={accountId} name={name}>{`${name} interrupted`}</WhoLine>
    </span>
  );
}
