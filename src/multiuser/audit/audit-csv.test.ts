// CSV cells (quoting, formula injection) and the export route on a real HTTP server over both databases.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addAccount, addProject, type Account } from '../db/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { auditCsvHeader, auditCsvLine, csvCell } from './audit-csv.js';
import { createAuditCsvHandler } from './audit-csv-route.js';
import { createAuditLog } from './audit-log.js';

describe('csvCell', () => {
  it('quotes every cell and doubles quotes; commas and newlines stay inside the quotes', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvCell(null)).toBe('""');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(formula)).toBe(`"'${formula.replace(/"/g, '""')}"`);
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('writes a header and one line per row with the display name', () => {
    expect(auditCsvHeader()).toBe('"id","at","account_id","account_name","ip","project","path","thread","turn","kind","target","outcome"\r\n');
    const row = { id: '7', at: '2026-01-01T00:00:00.000Z', accountId: 'a1', ip: null, projectId: 'p', path: 'x.chat', threadKey: 't', turnId: null, kind: 'command' as const, target: 'ls -la', outcome: 'ok' };
    expect(auditCsvLine(row, 'Ann')).toBe('"7","2026-01-01T00:00:00.000Z","a1","Ann","","p","x.chat","t","","command","ls -la","ok"\r\n');
  });
});

describeEachDatabase('GET /api/audit.csv', ({ db }) => {
  let server: Server;
  let base: string;
  let ann: Account;
  let bo: Account;
  let projectA: string;
  let projectB: string;

  beforeAll(async () => {
    ann = await addAccount(db(), { email: 'ann-csv@example.org', name: 'Ann "the admin", jr' });
    bo = await addAccount(db(), { email: 'bo-csv@example.org', name: 'Bo' });
    projectA = (await addProject(db(), { name: 'CSV A', ownerId: ann.id, folder: '/srv/a' })).id;
    projectB = (await addProject(db(), { name: 'CSV B', ownerId: bo.id, folder: '/srv/b' })).id;
    const log = createAuditLog(db());
    const place = { ip: '10.0.0.7', path: 'x.chat', threadKey: 't1', turnId: 'turn-1' };
    log.record({ ...place, accountId: ann.id, projectId: projectA, kind: 'command', target: 'printf "a,b\\n" > out.csv\necho done', outcome: 'ok' });
    log.record({ ...place, accountId: ann.id, projectId: projectA, kind: 'command', target: '=cmd|" /C calc"!A0', outcome: 'failed (exit 1)' });
    log.record({ ...place, accountId: bo.id, projectId: projectB, kind: 'command', target: 'cat b-only.txt', outcome: 'ok' });
    for (let index = 0; index < 1500; index++) log.record({ ...place, accountId: bo.id, projectId: projectB, kind: 'file.read', target: `f${index}`, outcome: 'ok' });
    await log.flush();
    const handle = createAuditCsvHandler({ db: db() });
    // The reader comes from the login in the real server; here a header names the test's account.
    server = createServer((request, response) => {
      const reader = request.headers['x-test-account'] === 'bo' ? { accountId: bo.id, isAdmin: false } : { accountId: ann.id, isAdmin: false };
      void handle(request, response, reader);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/audit.csv`;
  }, 60_000);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("exports a project's rows as quoted, injection-safe CSV with names, newest first", async () => {
    const response = await fetch(`${base}?project=${projectA}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="audit-${projectA}-\\d{4}-\\d\\d-\\d\\d\\.csv"`));
    const text = await response.text();
    expect(text.startsWith(`${auditCsvHeader()}`)).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[1]).toContain(`"${ann.id}","Ann ""the admin"", jr","10.0.0.7","${projectA}","x.chat","t1","turn-1","command","'=cmd|"" /C calc""!A0","failed (exit 1)"`);
    expect(lines[2]).toContain('"command","printf ""a,b\\n"" > out.csv\necho done","ok"');
    expect(lines).toHaveLength(4);
    expect(text).not.toContain('b-only');
  });

  it("refuses another project's export and a bad query, and a POST", async () => {
    const forbidden = await fetch(`${base}?project=${projectB}`);
    expect([forbidden.status, await forbidden.text()]).toEqual([403, `not a member of project ${projectB}\n`]);
    const bad = await fetch(`${base}?project=${projectA}&from=yesterday&kinds=command,rm`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^audit export: invalid params: .*kinds\.1.*from: expected an ISO time/);
    expect((await fetch(base, { method: 'POST' })).status).toBe(405);
  });

  it('exports every page (more rows than one page holds), filtered by kind, only what the reader sees', async () => {
    const response = await fetch(`${base}?kinds=file.read`, { headers: { 'x-test-account': 'bo' } });
    const lines = (await response.text()).split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1 + 1500);
    expect(lines[1]).toContain('"f1499"');
    expect(lines[1500]).toContain('"f0"');
    const annAll = (await (await fetch(base)).text()).split('\r\n').filter((line) => line !== '');
    expect(annAll).toHaveLength(3);
  });
});
