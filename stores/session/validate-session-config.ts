import type { AcpConfig, AgentInfo } from '../../src/protocol/index.js';

/** Problems of a session config draft, by field; empty when it can be saved. */
export type SessionConfigProblems = Partial<Record<'agent' | 'workingDirectory' | 'sessionId' | 'model' | 'envHome' | 'envPath', string>>;

/** Whether text has a control character (line breaks, NUL, escapes). */
const hasControlCharacter = (text: string) => [...text].some((char) => char.charCodeAt(0) < 0x20);

function workingDirectoryProblem(value: string): string | undefined {
  if (hasControlCharacter(value)) return 'The working directory cannot contain control characters or line breaks.';
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('~')) {
    return 'Use a folder inside the workspace, relative to its root (for example "src" or "." for the root).';
  }
  let depth = 0;
  for (const part of value.split(/[\\/]/)) {
    if (part === '..') depth -= 1;
    else if (part !== '' && part !== '.') depth += 1;
    if (depth < 0) return 'The working directory must stay inside the workspace (".." leaves it).';
  }
  return undefined;
}

/** Checks a draft config against the agents on offer; every message says what to change. */
export function validateSessionConfig(config: AcpConfig, agents: readonly AgentInfo[]): SessionConfigProblems {
  const problems: SessionConfigProblems = {};
  const agent = agents.find((candidate) => candidate.id === config.agent);
  if (!config.agent) problems.agent = 'Choose an agent.';
  else if (!agent || !agent.enabled) problems.agent = `The agent "${config.agent}" is not enabled on this hub; choose another one.`;
  const workingDirectory = workingDirectoryProblem(config.workingDirectory ?? '');
  if (workingDirectory) problems.workingDirectory = workingDirectory;
  const sessionId = config.sessionId ?? '';
  if (sessionId !== '' && !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(sessionId)) {
    problems.sessionId = 'A session id has only letters, digits, ".", "_", ":" and "-" (leave it blank for a new session).';
  }
  if (config.model && hasControlCharacter(config.model)) problems.model = 'The model name cannot contain control characters.';
  const home = config.envHome ?? '';
  if (home !== '' && (!home.startsWith('/') || hasControlCharacter(home))) problems.envHome = 'HOME must be an absolute path such as /home/me (or blank for the default).';
  const pathValue = config.envPath ?? '';
  if (pathValue !== '' && (hasControlCharacter(pathValue) || pathValue.split(':').some((entry) => !entry.startsWith('/')))) {
    problems.envPath = 'PATH must be absolute folders separated by ":", such as /usr/local/bin:/usr/bin (or blank for the default).';
  }
  return problems;
}
