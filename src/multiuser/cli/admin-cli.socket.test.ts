// The real `codex-chat accounts|projects` process while a hub serves the data dir: the command goes
// over <data>/admin.sock and runs on the hub's own database connection (PGlite allows one process).
import { mkdtempSync, rmSync, statSync, existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { listAudit } from '../db/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { describeAdminScenario, runCodexChat } from './admin-cli-scenario.js';
import { startAdminSocket, type AdminSocket } from './admin-socket.js';

const HUB_URL = 'http://hub.example.test:8800';

describeEachDatabase('admin commands sent to a running hub', ({ db }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-admin-hub-'));
  const changed: string[] = [];
  let socket: AdminSocket;
  beforeAll(async () => {
    socket = await startAdminSocket({ dataDir, db: db(), baseUrl: HUB_URL, onMembersChanged: (projectId) => changed.push(projectId) });
  });
  afterAll(async () => {
    await socket?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the socket is 0600 and hub.json names this process and its URL', () => {
    expect(statSync(path.join(dataDir, 'admin.sock')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'hub.json'), 'utf8'))).toEqual({ pid: process.pid, url: HUB_URL });
  });

  // The CLI gets no --database: were it to open the data dir's PGlite itself, the rows would land in
  // another database than db() and the checks below would fail.
  describeAdminScenario({ run: (args) => runCodexChat([...args, '--data', dataDir]), dataDir: () => dataDir, linkBase: HUB_URL, addNote: '' });

  it('the rows are in the hub database; member changes are audited and reported to the hub', async () => {
    const { rows } = await listAudit(db(), { kinds: ['member'] }, { accountId: 'nobody', isAdmin: true });
    expect(rows.map((row) => `${row.projectId} ${row.target}`).reverse()).toEqual([
      'web-site add ann@example.org as owner',
      'api add bo@example.org as owner',
      'web-site add bo@example.org as collaborator',
      'web-site add cy@example.org as collaborator',
      'web-site cy@example.org: collaborator -> viewer',
      'web-site remove bo@example.org (collaborator)',
    ]);
    expect(changed).toEqual(['web-site', 'api', 'web-site', 'web-site', 'web-site', 'web-site']);
    expect(existsSync(path.join(dataDir, 'db'))).toBe(false);
  });

  it('a second hub on the same data dir is refused', async () => {
    await expect(startAdminSocket({ dataDir, db: db(), baseUrl: HUB_URL })).rejects.toThrow(`another hub is running on ${dataDir}`);
  });

  it('a malformed request gets exit code 2, not a crash', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const client = createConnection(path.join(dataDir, 'admin.sock'));
      let text = '';
      client.on('data', (chunk) => (text += chunk));
      client.on('end', () => resolve(text));
      client.on('error', reject);
      client.write('{"argv": 5}\n');
    });
    expect(JSON.parse(reply)).toEqual({ exitCode: 2, stdout: [], stderr: ['bad admin request'] });
  });

  it('close removes admin.sock and hub.json', async () => {
    await socket.close();
    expect(existsSync(path.join(dataDir, 'admin.sock'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'hub.json'))).toBe(false);
  });
});
