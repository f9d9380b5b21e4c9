import { readFileSync } from 'node:fs';
import type { Row, RowKey } from '../../src/protocol/index.js';
import { MemorySyncDB, parseChatFile } from '../../src/syncdb/index.js';
import { createChatStore } from './create-chat-store.js';
import { selectProblems, selectThread, selectThreadList } from './selectors/select-entries.js';
import { selectLatestUsage } from './selectors/select-latest-usage.js';
import { selectThreadSections } from './selectors/select-thread-sections.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/data/chat/${name}`, import.meta.url), 'utf8');
const RECORDING = JSON.parse(fixture('playback.changes.json')) as { events: { rows: Row[]; deleted: RowKey[] }[] };
const ALICE = '7c5e4a2b-1111-4c3d-9e8f-0a1b2c3d4e5f';
const AGENT_THREAD = String(Date.UTC(2024, 2, 5, 9, 30));
const RESIDUALS = String(Date.parse('2023-09-01T12:00:00.000Z'));

// Applies one recorded change event to a replica, as a client of the hub would: each row replaces
// the stored one, each deleted key goes; one commit per event.
function play(db: MemorySyncDB, event: { rows: Row[]; deleted: RowKey[] }): void {
  for (const key of event.deleted) db.delete(key);
  for (const row of event.rows) {
    db.delete({ date: row.date, sender_id: row.sender_id, event: row.event });
    db.set(row);
  }
  db.commit();
}

describe('chat store playback of recorded change events', () => {
  const db = new MemorySyncDB(parseChatFile(fixture('cocalc-legacy.chat')).rows);
  const store = createChatStore(db, { accountId: ALICE });
  const runningAfter: boolean[] = [];
  for (const event of RECORDING.events) {
    play(db, event);
    runningAfter.push(selectThread(store.getState(), AGENT_THREAD)?.running ?? false);
  }
  const state = store.getState();

  it('shows the agent thread running exactly while its agent row was generating', () => {
    expect(runningAfter).toEqual([false, true, true, true, true, false, false, false]);
  });

  it('ends with the expected threads', () => {
    expect(selectThreadList(state).map((thread) => [thread.label, thread.messageCount, thread.unreadCount])).toEqual([
      ['Plot of the residuals see attached', 4, 1],
      ['Fix tests', 2, 0],
      ['Grading rubric', 1, 1],
      ['Old payload-style message from 2017', 1, 1],
      ['Has anyone got the **homework 3** solutions compiling?', 1, 1],
    ]);
    expect(selectThread(state, AGENT_THREAD)).toMatchObject({ isAgent: true, agent: 'codex', model: 'gpt-5-codex', pinned: true, running: false });
    expect(selectLatestUsage(state, AGENT_THREAD)).toEqual({ used: 31000, size: 272000, inputTokens: 29000, outputTokens: 2000 });
    expect(selectThreadSections(state, Number(AGENT_THREAD) + 3_600_000).map((section) => [section.key, section.threads.length])).toEqual([
      ['pinned', 2],
      ['older', 3],
    ]);
    expect(selectThread(state, RESIDUALS)?.newestTime).toBe(Number(AGENT_THREAD) + 4000);
  });

  it('keeps the drafts and reports the broken row', () => {
    expect(state.drafts).toEqual({ [RESIDUALS]: { key: RESIDUALS, input: 'reply draft, longer now', active: Number(AGENT_THREAD) + 4100 } });
    expect(selectProblems(state)).toHaveLength(1);
    expect(selectProblems(state)[0].problems[0]).toMatch(/^history:/);
  });

  it('equals a store built from the final document', () => {
    const rebuilt = createChatStore(db, { accountId: ALICE }).getState();
    expect({ ...state }).toEqual({ ...rebuilt });
  });
});
