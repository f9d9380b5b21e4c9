import { Tag } from 'antd';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';

/** Connected / connecting / reconnecting (attempt n) / disconnected, from the session store. */
export function ConnectionIndicator() {
  const { connection } = useSessionInfo();
  const look =
    connection.type === 'open'
      ? { color: 'success', text: 'Connected' }
      : connection.type === 'connecting'
        ? { color: 'processing', text: 'Connecting…' }
        : connection.type === 'reconnecting'
          ? { color: 'warning', text: `Reconnecting… (attempt ${connection.attempt})` }
          : { color: 'error', text: `Disconnected${connection.reason ? `: ${connection.reason}` : ''}` };
  return (
    <Tag color={look.color} role="status" aria-label="Connection">
      {look.text}
    </Tag>
  );
}
