// The one place the hub sends ACP requests to an agent and reads what it can do. acp-connection.ts
// opens the wire and runs `initialize`; everything after that goes through an AgentConnection.
import type { ContentBlock, PromptResponse, SessionConfigOption, SessionModeState } from '@agentclientprotocol/sdk';
import { deriveCapabilities, type AgentCapabilities } from '../../protocol/index.js';
import { AgentRequestError, kindOfRpcError } from './agent-errors.js';
import type { AgentProcess } from './agent-process.js';

/** Models as an agent reports them beside its session (Gemini: the unstable `models` field, switched with `session/set_model`). */
export type SessionModels = { availableModels: Array<{ modelId: string; name?: string }>; currentModelId: string };

/** What `session/new`, `load`, `resume` or `fork` answered about the session. */
export type SessionResult = { sessionId: string; modes?: SessionModeState | null; configOptions: SessionConfigOption[]; models?: SessionModels | null };

const EXIT_WAIT_MS = 1_000;

type WireSession = { sessionId?: string; modes?: SessionModeState | null; configOptions?: SessionConfigOption[] | null; models?: SessionModels | null } | null | undefined;

function toSessionResult(sessionId: string, response: WireSession): SessionResult {
  return { sessionId: response?.sessionId ?? sessionId, modes: response?.modes, configOptions: response?.configOptions ?? [], models: response?.models ?? null };
}

/** An initialized agent process, seen as the requests it answers. Every failure is an AgentRequestError. */
export class AgentConnection {
  /** What the agent reported in `initialize` (deriveCapabilities, shared with the UI through agents.list). */
  readonly capabilities: AgentCapabilities;

  constructor(private readonly agent: AgentProcess) {
    this.capabilities = deriveCapabilities(agent.initialize);
  }

  /** The capability record with what a session reported (modes, config options; a `models` list means set_model). */
  capabilitiesWith(session: SessionResult): AgentCapabilities {
    const derived = deriveCapabilities(this.agent.initialize, session);
    return { ...derived, setModel: derived.setModel || (session.models?.availableModels.length ?? 0) > 0 };
  }

  supportsLoadSession(): boolean {
    return this.capabilities.loadSession;
  }

  supportsResume(): boolean {
    return this.capabilities.resumeSession;
  }

  supportsFork(): boolean {
    return this.capabilities.fork;
  }

  acceptsImages(): boolean {
    return this.capabilities.images;
  }

  /**
   * `authenticate`. A sign-in through URL elicitation can take minutes: aborting `signal` (the user
   * cancelled, the turn was interrupted) sends `$/cancel_request` and stops waiting at once.
   */
  authenticate(methodId: string, meta?: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    return this.send('authenticate', { methodId, ...(meta ? { _meta: meta } : {}) }, signal);
  }

  async newSession(cwd: string): Promise<SessionResult> {
    const response = await this.send<WireSession>('session/new', { cwd, mcpServers: [] });
    if (!response?.sessionId) throw new AgentRequestError('agent-error', 'session/new', 'session/new answered without a sessionId');
    return toSessionResult(response.sessionId, response);
  }

  async loadSession(sessionId: string, cwd: string): Promise<SessionResult> {
    return toSessionResult(sessionId, await this.send<WireSession>('session/load', { sessionId, cwd, mcpServers: [] }));
  }

  async resumeSession(sessionId: string, cwd: string): Promise<SessionResult> {
    return toSessionResult(sessionId, await this.send<WireSession>('session/resume', { sessionId, cwd, mcpServers: [] }));
  }

  async forkSession(sessionId: string, cwd: string): Promise<SessionResult> {
    const response = await this.send<WireSession>('session/fork', { sessionId, cwd, mcpServers: [] });
    if (!response?.sessionId) throw new AgentRequestError('agent-error', 'session/fork', 'session/fork answered without a sessionId');
    return toSessionResult(response.sessionId, response);
  }

  /** `session/set_config_option`; returns the options after the change (or undefined when the agent sent none). */
  async setConfigOption(sessionId: string, configId: string, value: string | boolean): Promise<SessionConfigOption[] | undefined> {
    const params = typeof value === 'boolean' ? { type: 'boolean' as const, value } : { value };
    const response = await this.send<{ configOptions?: SessionConfigOption[] } | null>('session/set_config_option', { sessionId, configId, ...params });
    return response?.configOptions ?? undefined;
  }

  async setMode(sessionId: string, modeId: string): Promise<void> {
    await this.send('session/set_mode', { sessionId, modeId });
  }

  /** The unstable `session/set_model` (Gemini), for agents that report `models` instead of a model config option. */
  async setModel(sessionId: string, modelId: string): Promise<void> {
    await this.send('session/set_model', { sessionId, modelId });
  }

  prompt(sessionId: string, prompt: ContentBlock[]): Promise<PromptResponse> {
    return this.send<PromptResponse>('session/prompt', { sessionId, prompt });
  }

  /** `session/cancel` is a notification: the prompt's answer (stopReason cancelled) tells that it worked. */
  async cancel(sessionId: string): Promise<void> {
    try {
      await this.agent.connection.agent.notify('session/cancel', { sessionId });
    } catch (error) {
      throw this.toError('session/cancel', error);
    }
  }

  /** Sends one request; an exit of the agent while it waits ends it with `agent-exited` and the stderr tail. */
  private async send<T>(method: string, params: unknown, signal?: AbortSignal): Promise<T> {
    if (this.agent.hasExited()) throw this.exitedError(method, await this.agent.exited);
    const exited = this.agent.exited.then((why) => Promise.reject(this.exitedError(method, why)));
    exited.catch(() => {}); // only the race below reports it
    try {
      const options = signal ? { cancellationSignal: signal, stopWaitingOnCancel: true } : undefined;
      return await Promise.race([this.agent.connection.agent.request<T>(method, params, options), exited]);
    } catch (error) {
      // A dying agent first shows as a closed connection (no JSON-RPC code): wait briefly for its exit, the clearer message.
      if (typeof (error as { code?: unknown } | null)?.code !== 'number') await Promise.race([this.agent.exited, new Promise((resolve) => setTimeout(resolve, EXIT_WAIT_MS))]);
      if (!(error instanceof AgentRequestError) && this.agent.hasExited()) throw this.exitedError(method, await this.agent.exited);
      throw this.toError(method, error);
    }
  }

  private toError(method: string, error: unknown): AgentRequestError {
    if (error instanceof AgentRequestError) return error;
    return new AgentRequestError(kindOfRpcError(error), method, `${method} failed: ${(error as Error)?.message ?? String(error)}`);
  }

  private exitedError(method: string, why: string): AgentRequestError {
    const stderr = this.agent.stderrTail();
    return new AgentRequestError('agent-exited', method, `The agent process ended during ${method} (${why}).`, stderr);
  }
}
