import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AgentContext, PermissionOption, SessionUpdate, ToolCallUpdate } from '@agentclientprotocol/sdk';
import { saveDemoSession, type DemoSession } from './session-store.js';

const WRITE_OPTIONS: PermissionOption[] = [
  { optionId: 'allow_once', name: 'Allow once', kind: 'allow_once' },
  { optionId: 'allow_always', name: 'Always allow in this session', kind: 'allow_always' },
  { optionId: 'reject_once', name: 'Reject', kind: 'reject_once' },
];

/** Raised inside a script when the client cancelled the turn. */
export class DemoCancelled extends Error {}

/** One prompt turn of the demo agent: the actions its scripts are made of. */
export class DemoTurn {
  private toolCounter = 0;
  private messageCounter = 0;
  private readonly turnTag = Date.now().toString(36);

  constructor(
    readonly session: DemoSession,
    private readonly client: AgentContext,
    /** Aborted on session/cancel (never, for the stubborn behaviour). */
    readonly signal: AbortSignal,
  ) {}

  /** Sends one update and records it for session/load. */
  async send(update: SessionUpdate): Promise<void> {
    this.session.history.push(update);
    await this.client.notify('session/update', { sessionId: this.session.id, update });
  }

  nextId(prefix: string): string {
    this.toolCounter += 1;
    return `${prefix}_${this.turnTag}_${this.toolCounter}`;
  }

  /** Streams a text as a new message (or reasoning) in a few chunks. */
  async say(text: string, kind: 'agent_message_chunk' | 'agent_thought_chunk' = 'agent_message_chunk'): Promise<void> {
    this.messageCounter += 1;
    const messageId = `msg_${this.turnTag}_${this.messageCounter}`;
    const words = text.split(/(?<= )/);
    for (let index = 0; index < words.length; index += 4) {
      this.checkCancelled();
      const chunk = words.slice(index, index + 4).join('');
      await this.send({ sessionUpdate: kind, messageId, content: { type: 'text', text: chunk } });
      await this.pause(15);
    }
  }

  checkCancelled(): void {
    if (this.signal.aborted) throw new DemoCancelled();
  }

  /** Waits, ending early (and throwing) when the turn is cancelled. */
  pause(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.signal.aborted) return reject(new DemoCancelled());
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new DemoCancelled());
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Runs a real shell command in the session's directory, streaming its output like codex-acp. */
  async runCommand(command: string, title = command): Promise<number | null> {
    const toolCallId = this.nextId('cmd');
    const cwd = this.session.cwd;
    await this.send({
      sessionUpdate: 'tool_call',
      toolCallId,
      title,
      kind: 'execute',
      status: 'in_progress',
      content: [{ type: 'terminal', terminalId: toolCallId }],
      rawInput: { command, cwd },
      _meta: { terminal_info: { cwd, terminal_id: toolCallId } },
    });
    // Stays in the agent's process group, so the hub's kill of the group also ends it. On cancel the
    // pipes are closed too: a grandchild holding them must not keep the turn waiting.
    const child = spawn('sh', ['-c', command], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const onAbort = () => {
      child.kill('SIGTERM');
      child.stdout.destroy();
      child.stderr.destroy();
    };
    this.signal.addEventListener('abort', onAbort, { once: true });
    let sending = Promise.resolve();
    const forward = (data: Buffer) => {
      const text = data.toString('utf8');
      sending = sending.then(() =>
        this.send({
          sessionUpdate: 'tool_call_update',
          toolCallId,
          _meta: { terminal_output: { data: text, terminal_id: toolCallId } },
        }),
      );
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve) => {
      child.on('close', (code, killSignal) => resolve([code, killSignal]));
      child.on('error', () => resolve([127, null]));
    });
    this.signal.removeEventListener('abort', onAbort);
    await sending;
    this.checkCancelled();
    await this.send({
      sessionUpdate: 'tool_call_update',
      toolCallId,
      status: exitCode === 0 ? 'completed' : 'failed',
      _meta: { terminal_exit: { exit_code: exitCode, signal, terminal_id: toolCallId } },
    });
    return exitCode;
  }

  /** Asks before a write (unless the session allows writes always); true when allowed. */
  async askToWrite(toolCall: ToolCallUpdate): Promise<boolean> {
    if (this.session.alwaysAllowWrites) return true;
    const response = await this.client.request('session/request_permission', {
      sessionId: this.session.id,
      toolCall,
      options: WRITE_OPTIONS,
    });
    this.checkCancelled();
    if (response.outcome.outcome !== 'selected') throw new DemoCancelled();
    const optionId = response.outcome.optionId;
    if (optionId === 'allow_always') this.session.alwaysAllowWrites = true;
    return optionId === 'allow_once' || optionId === 'allow_always';
  }

  /** Asks, then really writes a workspace file and reports the diff. Returns whether it wrote. */
  async editFile(relativePath: string, makeText: (oldText: string | null) => string): Promise<boolean> {
    const absolute = path.join(this.session.cwd, relativePath);
    let oldText: string | null = null;
    try {
      oldText = readFileSync(absolute, 'utf8');
    } catch {
      oldText = null; // a new file
    }
    const newText = makeText(oldText);
    const toolCallId = this.nextId('edit');
    const diff = { type: 'diff' as const, path: absolute, oldText, newText };
    const title = `Edit ${relativePath}`;
    const locations = [{ path: absolute }];
    const toolCall: ToolCallUpdate = { toolCallId, title, kind: 'edit', status: 'pending', content: [diff], locations };
    await this.send({ sessionUpdate: 'tool_call', toolCallId, title, kind: 'edit', status: 'pending', content: [diff], locations });
    const allowed = await this.askToWrite(toolCall);
    if (!allowed) {
      await this.send({ sessionUpdate: 'tool_call_update', toolCallId, status: 'failed', content: [{ type: 'content', content: { type: 'text', text: 'Rejected by the user.' } }] });
      return false;
    }
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, newText);
    await this.send({ sessionUpdate: 'tool_call_update', toolCallId, status: 'completed', content: [diff] });
    return true;
  }

  /** Persists the session (history included) for a later session/load. */
  save(): void {
    saveDemoSession(this.session);
  }
}
