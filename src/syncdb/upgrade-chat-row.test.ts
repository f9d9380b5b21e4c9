import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseChatFile } from './chat-file.js';
import { upgradeChatRow, upgradeDraftRow } from './upgrade-chat-row.js';

const ROWS = parseChatFile(readFileSync(new URL('../../fixtures/data/chat/cocalc-legacy.chat', import.meta.url), 'utf8')).rows;

describe('upgradeChatRow', () => {
  it('turns mesg.content and payload.content into a one-entry history', () => {
    const mesg = upgradeChatRow(ROWS[0]);
    const payload = upgradeChatRow(ROWS[2]);
    expect(mesg.ok && mesg.value.history).toEqual([
      { author_id: '7c5e4a2b-1111-4c3d-9e8f-0a1b2c3d4e5f', content: 'Has anyone got the **homework 3** solutions compiling?', date: '2016-11-02T09:14:05.000Z' },
    ]);
    expect(mesg.ok && 'mesg' in mesg.value).toBe(false);
    expect(payload.ok && payload.value.history[0].content).toBe('Old payload-style message from 2017');
    expect(payload.ok && payload.value.schema_version).toBe(1);
  });

  it('reads every chat row of the CoCalc file, keeping passthrough fields like read-<account>', () => {
    const chats = ROWS.filter((row) => row.event === 'chat');
    const upgraded = chats.map(upgradeChatRow);
    expect(upgraded.every((result) => result.ok)).toBe(true);
    const root = upgraded[3];
    expect(root.ok && root.value['read-7c5e4a2b-1111-4c3d-9e8f-0a1b2c3d4e5f']).toBe(3);
  });

  it('does not change the stored row', () => {
    const before = JSON.stringify(ROWS[0]);
    upgradeChatRow(ROWS[0]);
    expect(JSON.stringify(ROWS[0])).toBe(before);
  });

  it('converts epoch-number dates and fills missing history authors and dates', () => {
    const result = upgradeChatRow({ event: 'chat', date: 0, sender_id: 'a', reply_to: 1000, history: [{ content: 'x' }, 'junk'] });
    expect(result).toEqual({
      ok: true,
      value: { event: 'chat', date: '1970-01-01T00:00:00.000Z', reply_to: '1970-01-01T00:00:01.000Z', sender_id: 'a', schema_version: 1, history: [{ author_id: 'a', content: 'x', date: '1970-01-01T00:00:00.000Z' }] },
    });
  });

  it('drops malformed optional fields but keeps the message', () => {
    const result = upgradeChatRow({ event: 'chat', date: '2024-01-01T00:00:00.000Z', sender_id: 'a', history: [], feedback: 5, acp_usage: { used: 'lots' } });
    expect(result.ok).toBe(true);
    expect(result.ok && ('feedback' in result.value || 'acp_usage' in result.value)).toBe(false);
  });

  it('reports rows that cannot be a message', () => {
    expect(upgradeChatRow(null)).toEqual({ ok: false, problems: ['(root): expected an object'] });
    expect(upgradeChatRow({ event: 'draft' })).toEqual({ ok: false, problems: ['event: expected "chat", got "draft"'] });
    const badDate = upgradeChatRow({ event: 'chat', date: 'soon', sender_id: 'a', history: [] });
    expect(badDate.ok).toBe(false);
    expect(!badDate.ok && badDate.problems[0]).toMatch(/^date:/);
  });

  it('never throws on 10,000 random malformed rows', () => {
    const hostile = fc.record(
      { event: fc.constantFrom('chat', 'chat', 'draft', 7), date: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant('2024-01-01T00:00:00.000Z')), sender_id: fc.anything(), history: fc.anything(), payload: fc.anything(), mesg: fc.anything(), reply_to: fc.anything(), acp_config: fc.anything() },
      { requiredKeys: ['event'] },
    );
    let problems = 0;
    for (const row of fc.sample(fc.oneof(hostile, fc.anything()), { numRuns: 10_000, seed: 7 })) {
      const result = upgradeChatRow(row);
      if (!result.ok) {
        problems += 1;
        expect(result.problems.length).toBeGreaterThan(0);
      }
    }
    expect(problems).toBeGreaterThan(5_000);
  });
});

describe('upgradeDraftRow', () => {
  it('reads a draft row and reports a broken one', () => {
    expect(upgradeDraftRow(ROWS.find((row) => row.event === 'draft')).ok).toBe(true);
    expect(upgradeDraftRow({ event: 'draft', date: 0, sender_id: 'a' }).ok).toBe(false);
  });
});
