import { Badge } from 'antd';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';

/** Connected / connecting / reconnecting (with the attempt) / disconnected, announced politely. */
export function ConnectionIndicator() {
  const { connection } = useSessionInfo();
  const look =
    connection.type === 'open'
      ? { status: 'success' as const, text: 'Connected' }
      : connection.type === 'connecting'
        ? { status: 'processing' as const, text: 'Connecting…' }
        : connection.type === 'reconnecting'
          ? { status: 'warning' as const, text: `Reconnecting… (attempt ${connection.attempt})` }
          : { status: 'error' as const, text: `Disconnected${connection.reason ? `: ${connection.reason}` : ''}` };
  return (
    <span role="status" aria-live="polite" className="cc-connection" data-state={connection.type}>
      <Badge status={look.status} text={look.text} />
    </span>
  );
}
