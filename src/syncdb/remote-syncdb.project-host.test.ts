// A project's chat document (RemoteSyncDB on scopeApiToProject) while a cluster's project host goes
// away and comes back. The socket is a recording stand-in (src/acp-api/testing): the front hub that
// sends project.host and fails calls with -32007 is another engineer's, tested in src/cluster.
import { describe, expect, it } from 'vitest';
import { createAcpApi, scopeApiToProject } from '../acp-api/index.js';
import { recordingTransport, type Frame } from '../acp-api/testing/recording-transport.js';
import { ACP_API_ERROR_CODES, type Row } from '../protocol/index.js';
import { createRemoteSyncDB } from './remote-syncdb.js';

const settle = async () => {
  for (let round = 0; round < 3; round += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};
const row = (content: string, date: string): Row => ({ event: 'chat', date, sender_id: 'u1', history: [{ author_id: 'u1', content, date }] });
/** The text of a chat row's first history entry. */
const contentOf = (row: Row) => (row.history as Array<{ content?: string }> | undefined)?.[0]?.content;
const DOWN = { project: 'alpha', host: { id: 'h1', available: false, reason: 'project host h1 unavailable' } };
const UP = { project: 'alpha', host: { id: 'h1', available: true } };

/** The hub side: the rows of a.chat, and whether h1 answers (else every call fails with -32007). */
function projectHost() {
  const state = { rows: [row('first', '2026-01-01T00:00:00.000Z')], available: true, version: 1 };
  const wire = recordingTransport((frame: Frame) => {
    if (!state.available) return { error: { code: ACP_API_ERROR_CODES.hostUnavailable, message: 'project host h1 unavailable' } };
    if (frame.method === 'chat.open') return { result: { rows: state.rows, path: 'a.chat', version: state.version } };
    if (frame.method === 'chat.set') {
      const rows = frame.params.rows as Row[];
      state.rows = [...state.rows, ...rows];
      state.version += 1;
      wire.push('chat.change', { project: 'alpha', path: 'a.chat', rows, deleted: [], version: state.version });
    }
    return { result: {} };
  });
  const methods = () => wire.sent.map((frame) => frame.method);
  return { state, wire, methods };
}

describe('a chat document of a project whose host goes away', () => {
  it('holds writes while the host is away, then reopens the chat (rows written meanwhile come in) and sends them', async () => {
    const host = projectHost();
    const alpha = scopeApiToProject(createAcpApi(host.wire.transport), 'alpha');
    await settle(); // open first: a document opened while connecting is loaded twice
    const db = await createRemoteSyncDB(alpha, 'a.chat');
    host.wire.push('project.host', DOWN);
    host.state.available = false;
    db.set(row('typed while away', '2026-01-01T00:01:00.000Z'));
    db.commit();
    await settle();
    expect(host.methods()).toEqual(['chat.open']);
    expect(db.get().map((each) => contentOf(each))).toEqual(['first', 'typed while away']);
    // Another member wrote while this page missed the host's notifications.
    host.state.rows = [...host.state.rows, row('from ann', '2026-01-01T00:00:30.000Z')];
    host.state.version = 2;
    host.state.available = true;
    host.wire.push('project.host', UP);
    await settle();
    expect(host.methods()).toEqual(['chat.open', 'chat.open', 'chat.set']);
    expect(db.pendingCount()).toBe(0);
    expect(db.get().map((each) => contentOf(each)).sort()).toEqual(['first', 'from ann', 'typed while away']);
    expect(host.state.rows).toHaveLength(3);
    db.close();
  });

  it('keeps a write refused with -32007 before the page heard of the outage, and sends it when the host is back', async () => {
    const host = projectHost();
    const alpha = scopeApiToProject(createAcpApi(host.wire.transport), 'alpha');
    await settle(); // open first: a document opened while connecting is loaded twice
    const db = await createRemoteSyncDB(alpha, 'a.chat', { onError: (error) => expect.unreachable(String(error)) });
    host.state.available = false; // the host died; the front hub answers -32007 before its notification
    db.set(row('typed as it died', '2026-01-01T00:01:00.000Z'));
    db.commit();
    await settle();
    expect(host.methods()).toEqual(['chat.open', 'chat.set']);
    expect(db.pendingCount()).toBe(1);
    expect(db.get()).toHaveLength(2);
    host.wire.push('project.host', DOWN);
    host.state.available = true;
    host.wire.push('project.host', UP);
    await settle();
    expect(host.methods()).toEqual(['chat.open', 'chat.set', 'chat.open', 'chat.set']);
    expect(db.pendingCount()).toBe(0);
    expect(host.state.rows.map((each) => contentOf(each))).toEqual(['first', 'typed as it died']);
    db.close();
  });
});
