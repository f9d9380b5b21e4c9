import { Tag } from 'antd';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';

/** The thread's agent: its label from `agents.list`, and "Demo" for the offline demo agent. */
export function AgentBadge({ agent }: { agent: string | undefined }) {
  const { agents } = useSessionInfo();
  const info = agents?.find((candidate) => candidate.id === agent);
  if (info?.demo) return <Tag color="gold">Demo</Tag>;
  return <Tag color="blue">{info?.label ?? agent ?? 'agent'}</Tag>;
}
