import type { InitializeResponse, NewSessionResponse, SessionConfigOption } from '@agentclientprotocol/sdk';
import type { AgentAuthMethod } from './acp-api-messages.js';

/** A mode an agent session offers (ACP `modes.availableModes`). */
export type AgentModeInfo = { id: string; name: string };

/**
 * What one agent (and, once a session is open, that session) can do, derived once from what it
 * reported: the ACP `initialize` result and the `session/new` (or load/resume) result. The UI and
 * the hub read this record instead of testing agent ids.
 */
export type AgentCapabilities = {
  /** `session/load`: a thread's session survives an agent restart with its history. */
  loadSession: boolean;
  /** `session/resume` (unstable): the session survives a restart, without replaying its history. */
  resumeSession: boolean;
  /** `session/fork` (unstable): a forked thread continues a copy of the agent's session. */
  fork: boolean;
  /** Image prompt content. */
  images: boolean;
  /** Audio prompt content. */
  audio: boolean;
  /** Embedded resource prompt content (file contents inline). */
  embeddedContext: boolean;
  /** The session's modes; empty when the agent reports none (or no session is open yet). */
  modes: AgentModeInfo[];
  /** The session's config options (models, reasoning levels, modes). */
  configOptions: SessionConfigOption[];
  /** The model can be chosen: a `model` config option is offered. */
  setModel: boolean;
  /** How to sign in to the agent. */
  authMethods: AgentAuthMethod[];
  /** The agent says it streams command output as `_meta.terminal_output` (we ask for it in initialize). */
  terminalOutput: boolean;
};

/** Before an agent ran once: nothing is known, so nothing is offered beyond plain text. */
export const UNKNOWN_CAPABILITIES: AgentCapabilities = {
  loadSession: false,
  resumeSession: false,
  fork: false,
  images: false,
  audio: false,
  embeddedContext: false,
  modes: [],
  configOptions: [],
  setModel: false,
  authMethods: [],
  terminalOutput: false,
};

/** The session part of a `session/new`, `session/load` or `session/resume` result. */
export type SessionReport = Pick<NewSessionResponse, 'modes' | 'configOptions'>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function modesOf(session: SessionReport | undefined): AgentModeInfo[] {
  const available = session?.modes?.availableModes;
  if (!Array.isArray(available)) return [];
  return available.flatMap((mode) => (isRecord(mode) && typeof mode.id === 'string' ? [{ id: mode.id, name: typeof mode.name === 'string' ? mode.name : mode.id }] : []));
}

function authMethodsOf(initialize: InitializeResponse): AgentAuthMethod[] {
  const methods = Array.isArray(initialize.authMethods) ? initialize.authMethods : [];
  return methods.flatMap((method) => {
    if (!isRecord(method) || typeof method.id !== 'string') return [];
    const name = typeof method.name === 'string' ? method.name : method.id;
    const description = typeof method.description === 'string' ? method.description : undefined;
    // The only method we can run for the user is an API key we store; the others are the agent's own tools.
    return [{ id: method.id, name, ...(description ? { description } : {}), needsApiKey: method.id === 'api-key' }];
  });
}

/**
 * The capability record of an agent from its `initialize` result and, when a session is open, the
 * session's result. Pure and tolerant: an agent that reports junk (wrong types, missing fields)
 * gets `false` / empty for what it did not clearly offer, never an exception.
 */
export function deriveCapabilities(initialize: InitializeResponse | null | undefined, session?: SessionReport | null): AgentCapabilities {
  if (!isRecord(initialize)) return { ...UNKNOWN_CAPABILITIES, ...sessionPart(session ?? undefined) };
  const agent = isRecord(initialize.agentCapabilities) ? initialize.agentCapabilities : {};
  const prompt = isRecord(agent.promptCapabilities) ? agent.promptCapabilities : {};
  const sessions: Record<string, unknown> = isRecord(agent.sessionCapabilities) ? agent.sessionCapabilities : {};
  const meta = { ...(isRecord(initialize._meta) ? initialize._meta : {}), ...(isRecord(agent._meta) ? agent._meta : {}) };
  return {
    loadSession: agent.loadSession === true,
    resumeSession: sessions.resume != null,
    fork: sessions.fork != null,
    images: prompt.image === true,
    audio: prompt.audio === true,
    embeddedContext: prompt.embeddedContext === true,
    authMethods: authMethodsOf(initialize),
    terminalOutput: meta.terminal_output === true,
    ...sessionPart(session ?? undefined),
  };
}

function sessionPart(session: SessionReport | undefined): Pick<AgentCapabilities, 'modes' | 'configOptions' | 'setModel'> {
  const configOptions = Array.isArray(session?.configOptions) ? session.configOptions.filter((option) => isRecord(option) && typeof option.id === 'string') : [];
  const setModel = configOptions.some((option) => option.id === 'model' || option.category === 'model');
  return { modes: modesOf(session), configOptions, setModel };
}
