import { createTurnView, reduceTurnEvents, selectAgentMessages, type TurnView } from '../../activity/index.js';
import type { AcpTurn, AcpUsage, TurnEvent } from '../../protocol/index.js';
import type { SyncDB } from '../../syncdb/index.js';

const WRITE_EVERY_MS = 150;

/** The row's text: every agent message of the turn, joined (every message counts, not only the last). */
export function agentRowText(view: TurnView): string {
  return selectAgentMessages(view)
    .map((message) => message.text)
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/**
 * The row's `acp_usage`: the latest context usage with the turn's token counts beside it. acp_usage
 * needs `used`/`size`, so the counts of a turn that reported no context usage stay in the log only.
 */
export function agentRowUsage(view: TurnView): AcpUsage | undefined {
  if (!view.usage) return undefined;
  const tokens = view.tokens ? { inputTokens: view.tokens.input, outputTokens: view.tokens.output, totalTokens: view.tokens.total } : {};
  return { ...view.usage, ...tokens };
}

/**
 * Keeps a turn's agent row current. The row's text and usage are read from the turn's own events
 * folded through src/activity (the reducer the cards use), so the chat document and the cards
 * cannot disagree on what the agent said. Streamed events are folded and written at most every 150 ms.
 */
export class AgentRowWriter {
  private view: TurnView = createTurnView();
  private pendingEvents: TurnEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private dirty: Record<string, unknown> = {};

  constructor(
    private readonly db: SyncDB,
    private readonly key: { date: string; sender_id: string; event: 'chat' },
  ) {}

  /** Creates the row (generating, with acp_turn) and writes it at once. */
  create(fields: Record<string, unknown>): void {
    this.db.set({ ...this.key, history: [{ author_id: this.key.sender_id, content: '', date: this.key.date }], generating: true, ...fields });
    this.db.commit();
  }

  /** A logged event of the turn (with its seq); what it changes reaches the row with the next write. */
  fold(event: TurnEvent): void {
    this.pendingEvents.push(event);
    this.schedule();
  }

  /** The row's text so far (after folding every event given). */
  text(): string {
    this.foldPending();
    return agentRowText(this.view);
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
    this.foldPending();
    if (Object.keys(this.dirty).length === 0) return;
    this.db.set({ ...this.key, ...this.dirty });
    this.dirty = {};
    this.db.commit();
  }

  /** Drops unwritten changes (the hub is shutting down; the restart marks the turn interrupted). */
  discardPending(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingEvents = [];
    this.dirty = {};
  }

  private foldPending(): void {
    if (this.pendingEvents.length === 0) return;
    const before = this.view;
    this.view = reduceTurnEvents(this.view, this.pendingEvents);
    this.pendingEvents = [];
    if (this.view === before) return;
    const text = agentRowText(this.view);
    if (text !== agentRowText(before)) this.dirty.history = [{ author_id: this.key.sender_id, content: text, date: this.key.date }];
    const usage = agentRowUsage(this.view);
    if (usage && JSON.stringify(usage) !== JSON.stringify(agentRowUsage(before))) this.dirty.acp_usage = usage;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), WRITE_EVERY_MS);
  }
}
