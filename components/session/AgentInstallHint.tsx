import type { AgentInfo } from '../../src/protocol/index.js';

/** The hub's install hint (a sentence with the command in backticks) with the command as code. */
export function AgentInstallHint({ agent }: { agent: AgentInfo }) {
  // Without a hint (an agent with no npm package) the hub's problem text says what is missing.
  const text = agent.installHint ? `${agent.label} is not installed. ${agent.installHint}` : (agent.problem ?? `${agent.label} is not installed on the hub's machine.`);
  return <span>{text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</span>;
}

/** One help line per enabled agent the hub cannot start, saying how to install it; null when none. */
export function NotInstalledAgents({ agents }: { agents: readonly AgentInfo[] }) {
  const missing = agents.filter((agent) => agent.enabled && !agent.installed && !agent.demo);
  if (missing.length === 0) return null;
  return (
    <div aria-label="Agents not installed">
      {missing.map((agent) => (
        <div key={agent.id}>
          <AgentInstallHint agent={agent} />
        </div>
      ))}
    </div>
  );
}
