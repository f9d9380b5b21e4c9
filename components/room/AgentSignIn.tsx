import { useCodexStores } from '../../stores/provider.js';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { SignInPanel } from '../session/SignInPanel.js';

/** The sign-in panel of the thread's agent, shown only when the agent said it needs sign-in. */
export function AgentSignIn({ agentId }: { agentId: string | undefined }) {
  const { session } = useCodexStores();
  const { agents } = useSessionInfo();
  const agent = agents?.find((candidate) => candidate.id === agentId);
  if (!agent || agent.signedIn !== false) return null;
  return (
    <div style={{ padding: '8px 16px' }}>
      <SignInPanel agent={agent} onAuthenticate={(methodId, apiKey) => session.getState().authenticate(agent.id, methodId, apiKey)} />
    </div>
  );
}
