import { auditOfCall, auditOfRefusal } from './audit-of-call.js';

const ann = { accountId: 'ann', ip: '10.0.0.7' };
const brief = (rows: ReturnType<typeof auditOfCall>) => rows.map(({ kind, target, outcome }) => ({ kind, target, outcome }));

describe('auditOfCall', () => {
  it('records an interrupt and a send-now with the turn, the account and the ip', () => {
    const [row] = auditOfCall('turn.interrupt', { project: 'p1', turnId: 'turn-9' }, ann, { ok: true, result: {} });
    expect(row).toMatchObject({ kind: 'interrupt', target: 'turn.interrupt', outcome: 'ok', accountId: 'ann', ip: '10.0.0.7', projectId: 'p1', turnId: 'turn-9' });
    expect(brief(auditOfCall('queue.sendNow', { turnId: 'q2' }, ann, { ok: false, message: 'no such queued turn' }))).toEqual([
      { kind: 'interrupt', target: 'queue.sendNow', outcome: 'failed: no such queued turn' },
    ]);
  });

  it('records a config change with the option, the value and when it applies', () => {
    const rows = auditOfCall('session.setOption', { project: 'p1', path: 'a.chat', threadKey: 't1', configId: 'mode', value: 'read-only' }, ann, {
      ok: true,
      result: { applied: 'next-turn' },
    });
    expect(rows).toEqual([expect.objectContaining({ kind: 'config', target: 'mode = "read-only"', outcome: 'ok (next-turn)', path: 'a.chat', threadKey: 't1' })]);
  });

  it("records a thread's config saved by chat.set (the session-config modal) on that thread; other rows add nothing", () => {
    const date = '2026-04-01T00:00:00.000Z';
    const rows = auditOfCall(
      'chat.set',
      { project: 'p1', path: 'a.chat', rows: [{ event: 'chat', date, acp_config: { agent: 'codex', model: 'gpt-5.5', sessionMode: 'read-only', envHome: '/home/x' } }, { event: 'chat', date, pin: true }] },
      ann,
      { ok: true },
    );
    expect(rows).toEqual([expect.objectContaining({ kind: 'config', target: 'session config: agent=codex, model=gpt-5.5, sessionMode=read-only', path: 'a.chat', threadKey: String(Date.parse(date)), accountId: 'ann' })]);
    expect(auditOfCall('chat.set', { rows: 'junk' }, ann, { ok: true })).toEqual([]);
  });

  it('records which settings keys changed, not their values', () => {
    const [row] = auditOfCall('settings.set', { settings: { codex_allow_user_tokens: true, agent_idle_minutes: 5 } }, ann, { ok: true });
    expect(row).toMatchObject({ kind: 'settings', target: 'settings: agent_idle_minutes, codex_allow_user_tokens', projectId: null });
    expect(JSON.stringify(row)).not.toContain('true');
  });

  it('records credential changes by agent and never the key', () => {
    const key = 'sk-secret-1234567890';
    const rows = [
      ...auditOfCall('credentials.set', { agent: 'codex', apiKey: key }, ann, { ok: true }),
      ...auditOfCall('credentials.clear', { agent: 'claude' }, ann, { ok: true }),
      ...auditOfCall('credentials.setSite', { agent: 'gemini', apiKey: key }, ann, { ok: true }),
      ...auditOfCall('credentials.setSite', { agent: 'gemini', apiKey: null }, ann, { ok: false, message: 'admins only' }),
    ];
    expect(brief(rows)).toEqual([
      { kind: 'credentials', target: 'codex: own key set', outcome: 'ok' },
      { kind: 'credentials', target: 'claude: own key removed', outcome: 'ok' },
      { kind: 'credentials', target: 'gemini: site key set', outcome: 'ok' },
      { kind: 'credentials', target: 'gemini: site key removed', outcome: 'failed: admins only' },
    ]);
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it('leaves an approval that took to the turn event (one row per decision) and records one that failed', () => {
    expect(auditOfCall('permission.respond', { turnId: 't', requestId: 'r1', optionId: 'allow_once' }, ann, { ok: true })).toEqual([]);
    expect(brief(auditOfCall('permission.respond', { turnId: 't', requestId: 'r1', optionId: 'allow_once' }, ann, { ok: false, message: 'already decided' }))).toEqual([
      { kind: 'approval', target: 'allow_once for request r1', outcome: 'failed: already decided' },
    ]);
  });

  it('records nothing for reads, and reads garbage params without throwing', () => {
    expect(auditOfCall('chat.open', { path: 'a.chat' }, ann, { ok: true })).toEqual([]);
    expect(brief(auditOfCall('session.setOption', 'garbage', ann, { ok: true }))).toEqual([{ kind: 'config', target: '? = ?', outcome: 'ok' }]);
    expect(auditOfCall('turn.interrupt', null, { accountId: 'ann' }, { ok: true })[0]).toMatchObject({ ip: null, turnId: null, projectId: null });
  });

  it('records a refused call with the method and the reason', () => {
    expect(auditOfRefusal('turn.send', { project: 'p2', path: 'b.chat', threadKey: 'x' }, ann, 'not a member of project p2')).toMatchObject({
      kind: 'refused',
      target: 'turn.send',
      outcome: 'not a member of project p2',
      projectId: 'p2',
      path: 'b.chat',
    });
  });
});
