import type { AcpTurn, AcpUsage } from '../../protocol/index.js';
import type { SyncDB } from '../../syncdb/index.js';

const WRITE_EVERY_MS = 150;

/**
 * Keeps a turn's agent row current: its text is all agent messages of the turn joined (every
 * message counts, not only the last), written at most every 150 ms while chunks stream in.
 */
export class AgentRowWriter {
  private readonly messages = new Map<string, string>();
  private lastMessageId: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dirty: Record<string, unknown> = {};
  private usage: AcpUsage | undefined;

  constructor(
    private readonly db: SyncDB,
    private readonly key: { date: string; sender_id: string; event: 'chat' },
  ) {}

  /** Creates the row (generating, with acp_turn) and writes it at once. */
  create(fields: Record<string, unknown>): void {
    this.db.set({ ...this.key, history: [{ author_id: this.key.sender_id, content: '', date: this.key.date }], generating: true, ...fields });
    this.db.commit();
  }

  /** Appends a chunk of an agent message; a new messageId starts a new message. */
  appendMessage(messageId: string | null | undefined, text: string): void {
    const id = messageId ?? this.lastMessageId ?? 'message';
    this.lastMessageId = id;
    this.messages.set(id, (this.messages.get(id) ?? '') + text);
    this.dirty.history = [{ author_id: this.key.sender_id, content: this.text(), date: this.key.date }];
    this.schedule();
  }

  text(): string {
    return [...this.messages.values()].filter((message) => message.trim() !== '').join('\n\n');
  }

  /** The latest context usage (`usage_update`), kept with the turn's token counts if any. */
  setUsage(usage: AcpUsage): void {
    this.usage = { ...this.usage, ...usage };
    this.dirty.acp_usage = this.usage;
    this.schedule();
  }

  /**
   * The turn's token counts from the prompt result, stored in `acp_usage` beside the context usage.
   * acp_usage needs `used`/`size`, so counts of a turn that reported no context usage stay in the log only.
   */
  setTokens(tokens: Record<string, unknown>): void {
    if (!this.usage) return;
    const counts = Object.fromEntries(
      (['inputTokens', 'outputTokens', 'totalTokens'] as const).flatMap((name) => (typeof tokens[name] === 'number' ? [[name, tokens[name]]] : [])),
    );
    if (Object.keys(counts).length > 0) this.setUsage({ ...this.usage, ...counts });
  }

  /** Changes fields and writes at once (state changes are not throttled). */
  update(fields: Record<string, unknown>): void {
    Object.assign(this.dirty, fields);
    this.flush();
  }

  /** Ends the turn on the row: generating false, the final acp_turn. */
  finish(turn: AcpTurn, extra: Record<string, unknown> = {}): void {
    this.update({ generating: false, acp_turn: turn, ...extra });
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (Object.keys(this.dirty).length === 0) return;
    this.db.set({ ...this.key, ...this.dirty });
    this.dirty = {};
    this.db.commit();
  }

  /** Drops unwritten changes (the hub is shutting down; the restart marks the turn interrupted). */
  discardPending(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = {};
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), WRITE_EVERY_MS);
  }
}
