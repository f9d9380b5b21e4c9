import { disableAccount } from '../db/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { addTestAccount, sessionCookieOf, startLoginTestServer, type LoginTestServer } from './login-test-server.js';

const PASSWORD = 'a long enough password';

describeEachDatabase('login', (databases) => {
  let server: LoginTestServer;
  beforeAll(async () => {
    server = await startLoginTestServer(databases.db());
  });
  afterAll(() => server?.close());

  it('shows the login form with a restrictive CSP and no script', async () => {
    const answer = await server.send('GET', '/login?next=%2Fchat%2Fp1');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self'; frame-ancestors 'none'/);
    expect(answer.body).toContain('<form method="post" action="/login">');
    expect(answer.body).toContain('name="next" value="/chat/p1"');
    expect(answer.body).not.toMatch(/<script|src=|href="http/);
  });

  it('logs in with the right password: a session cookie, then the page it was going to', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    const answer = await server.postForm('/login', { email: account.email.toUpperCase(), password: PASSWORD, next: '/chat/p1?x=1' });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/chat/p1?x=1');
    const setCookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/^codex_chat_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=1209600$/);
    const me = await server.send('GET', '/api/me', { headers: { Cookie: sessionCookieOf(answer) } });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).account).toEqual({ id: account.id, email: account.email, name: 'Ann Example', isAdmin: false });
    expect(server.audit.at(-1)).toMatchObject({ kind: 'login', accountId: account.id, ip: '127.0.0.1', target: account.email, outcome: 'ok' });
    // Only the cookie's sha256 is stored.
    const secret = sessionCookieOf(answer).split('=')[1];
    const rows = await databases.db().query<{ id_hash: string }>('select id_hash from login_sessions where account_id = $1', [account.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).not.toContain(secret);
  });

  it('answers a wrong password and an unknown email with the same message', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    const wrong = await server.postForm('/login', { email: account.email, password: 'not the password' });
    const unknown = await server.postForm('/login', { email: 'nobody-at-all@example.org', password: 'not the password' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    for (const answer of [wrong, unknown]) {
      expect(answer.body).toContain('Wrong email or password.');
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.body).toContain(`value="${account.email}"`);
    expect(server.audit.slice(-2).map((row) => [row.accountId, row.outcome])).toEqual([
      [account.id, 'wrong password'],
      [null, 'unknown account'],
    ]);
    const json = await server.send('POST', '/login', {
      headers: { 'Content-Type': 'application/json', Origin: server.origin },
      body: JSON.stringify({ email: account.email, password: 'still wrong' }),
    });
    expect(json.status).toBe(401);
    expect(JSON.parse(json.body)).toEqual({ error: 'Wrong email or password.' });
  });

  it('refuses a disabled account, and its open sessions stop working', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    const cookie = sessionCookieOf(await server.postForm('/login', { email: account.email, password: PASSWORD }));
    expect((await server.send('GET', '/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
    await disableAccount(databases.db(), account.id);
    const me = await server.send('GET', '/api/me', { headers: { Cookie: cookie } });
    expect(me.status).toBe(401);
    const again = await server.postForm('/login', { email: account.email, password: PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body).toContain('This account is disabled.');
    expect(server.audit.at(-1)).toMatchObject({ accountId: account.id, outcome: 'disabled' });
    // The wrong password still gets the common message: a disabled account is not revealed by it.
    expect((await server.postForm('/login', { email: account.email, password: 'wrong password!' })).body).toContain('Wrong email or password.');
  });

  it('logs out: the session row is gone, the cookie cleared, the old cookie refused', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    const cookie = sessionCookieOf(await server.postForm('/login', { email: account.email, password: PASSWORD }));
    const page = await server.send('GET', '/logout');
    expect(page.body).toContain('<form method="post" action="/logout">');
    const out = await server.postForm('/logout', {}, { Cookie: cookie });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login');
    expect(out.headers['set-cookie']?.[0]).toBe('codex_chat_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0');
    expect(await databases.db().query('select 1 from login_sessions where account_id = $1', [account.id])).toEqual([]);
    expect(server.audit.at(-1)).toMatchObject({ kind: 'logout', accountId: account.id, target: account.email, outcome: 'ok' });
    expect((await server.send('GET', '/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
    expect(server.audit.at(-1)).toMatchObject({ kind: 'refused', accountId: null, target: '/api/me', outcome: expect.stringMatching(/expired or ended/) });
  });

  it('an expired session: 401 for the API and the WebSocket, the login page with next for a page', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    const cookie = sessionCookieOf(await server.postForm('/login', { email: account.email, password: PASSWORD }));
    await databases.db().query(`update login_sessions set expires_at = now() - interval '1 second' where account_id = $1`, [account.id]);
    const api = await server.send('GET', '/api/me', { headers: { Cookie: cookie, Accept: 'text/html' } });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body).error).toMatch(/expired/);
    const page = await server.send('GET', '/chat/p1?thread=2', { headers: { Cookie: cookie, Accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe('/login?next=%2Fchat%2Fp1%3Fthread%3D2');
    expect(page.headers['set-cookie']?.[0]).toMatch(/^codex_chat_session=; .*Max-Age=0/);
    const upgrade = await server.send('GET', '/api/ws', {
      headers: { Cookie: cookie, Origin: server.origin, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
    });
    expect(upgrade.status).toBe(401);
    // The API call and the upgrade are refused rows in the audit; the page (sent to /login) is not.
    const refused = server.audit.filter((row) => row.kind === 'refused' && /expired/.test(row.outcome)).map((row) => row.target);
    expect(refused.slice(-2)).toEqual(['/api/me', '/api/ws']);
    expect(refused).not.toContain('/chat/p1');
  });

  it('slides the expiry at most once a minute and renews the cookie when it does', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    const cookie = sessionCookieOf(await server.postForm('/login', { email: account.email, password: PASSWORD }));
    const fresh = await server.send('GET', '/api/me', { headers: { Cookie: cookie } });
    expect(fresh.headers['set-cookie']).toBeUndefined();
    await databases.db().query(
      `update login_sessions set last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '1 hour' where account_id = $1`,
      [account.id],
    );
    const slid = await server.send('GET', '/api/me', { headers: { Cookie: cookie } });
    expect(slid.headers['set-cookie']?.[0]).toBe(`${cookie}; HttpOnly; SameSite=Lax; Path=/; Max-Age=1209600`);
    const [row] = await databases.db().query<{ days: number }>(
      `select extract(epoch from expires_at - now()) / 86400 as days from login_sessions where account_id = $1`,
      [account.id],
    );
    expect(Number(row.days)).toBeGreaterThan(13.9);
  });

  it('limits failed logins per email: the sixth try is 429 with Retry-After, even with the right password', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await server.postForm('/login', { email: account.email, password: `wrong ${attempt} password` })).status).toBe(401);
    }
    const limited = await server.postForm('/login', { email: account.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    // 15 minutes from the first failure, less the time the five tries took on this machine.
    expect(limited.body).toMatch(/Too many failed logins\. Try again in 1[45] minutes\./);
    expect(limited.headers['set-cookie']).toBeUndefined();
    expect(server.audit.at(-1)).toMatchObject({ kind: 'login', target: account.email, outcome: 'rate limited' });
    // Another account is not limited by it (the per-IP limit is higher).
    const other = await addTestAccount(databases.db(), { password: PASSWORD });
    expect((await server.postForm('/login', { email: other.email, password: PASSWORD })).status).toBe(303);
  });
});

describeEachDatabase('login rate limit per IP', (databases) => {
  it('limits one address trying many emails', async () => {
    const server = await startLoginTestServer(databases.db(), { ipLimit: { maxFailures: 3, windowMs: 60_000 } });
    try {
      for (const name of ['a', 'b', 'c']) expect((await server.postForm('/login', { email: `${name}@nowhere.example`, password: 'guess guess' })).status).toBe(401);
      const account = await addTestAccount(databases.db(), { password: PASSWORD });
      const limited = await server.send('POST', '/login', {
        headers: { 'Content-Type': 'application/json', Origin: server.origin },
        body: JSON.stringify({ email: account.email, password: PASSWORD }),
      });
      expect(limited.status).toBe(429);
      expect(JSON.parse(limited.body).error).toBe('Too many failed logins. Try again in 1 minute.');
    } finally {
      await server.close();
    }
  });
});
