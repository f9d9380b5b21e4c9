import WebSocket from 'ws';
import { describeEachDatabase } from '../testing/test-databases.js';
import { addTestAccount, linkTokenFor, sessionCookieOf, startLoginTestServer, type LoginTestServer } from './login-test-server.js';

const PASSWORD = 'a long enough password';

/** Opens a WebSocket to /api/ws; its first message, or the refusal's status. */
function connect(server: LoginTestServer, headers: Record<string, string>): Promise<{ message?: string; status?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, { headers });
    socket.on('message', (data) => {
      resolve({ message: String(data) });
      socket.close();
    });
    socket.on('unexpected-response', (_request, response) => resolve({ status: response.statusCode }));
    socket.on('error', () => resolve({}));
  });
}

describeEachDatabase('login abuse', (databases) => {
  let server: LoginTestServer;
  beforeAll(async () => {
    server = await startLoginTestServer(databases.db());
  });
  afterAll(() => server?.close());

  it('refuses POSTs from another site or without an origin (CSRF), before reading them', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    const body = new URLSearchParams({ email: account.email, password: PASSWORD }).toString();
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const foreign: Record<string, string>[] = [{ Origin: 'https://evil.example' }, {}, { Origin: 'null' }, { Referer: 'https://evil.example/page' }, { Origin: `http://localhost:${server.port}` }];
    for (const headers of foreign) {
      const answer = await server.send('POST', '/login', { headers: { ...form, ...headers }, body });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('Refused: this form was not sent from a page of this site.');
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    const cookie = sessionCookieOf(await server.postForm('/login', { email: account.email, password: PASSWORD }));
    const logout = await server.send('POST', '/logout', { headers: { ...form, Cookie: cookie, Origin: 'https://evil.example' } });
    expect(logout.status).toBe(403);
    expect((await server.send('GET', '/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
    // The same-origin Referer (no Origin) and the browser's Sec-Fetch-Site after `Origin: null` pass.
    expect((await server.send('POST', '/login', { headers: { ...form, Referer: `${server.origin}/login` }, body })).status).toBe(303);
    expect((await server.send('POST', '/login', { headers: { ...form, Origin: 'null', 'Sec-Fetch-Site': 'same-origin' }, body })).status).toBe(303);
  });

  it('admits a WebSocket only with a session and this site as its Origin', async () => {
    const account = await addTestAccount(databases.db(), { password: PASSWORD });
    const cookie = sessionCookieOf(await server.postForm('/login', { email: account.email, password: PASSWORD }));
    expect(await connect(server, { Cookie: cookie, Origin: server.origin })).toEqual({ message: JSON.stringify({ hello: account.email }) });
    expect(await connect(server, { Cookie: cookie, Origin: 'https://evil.example' })).toEqual({ status: 403 });
    expect(await connect(server, { Cookie: cookie })).toEqual({ status: 403 });
    expect(await connect(server, { Origin: server.origin })).toEqual({ status: 401 });
  });

  it('answers malformed, oversized and wrongly typed bodies with a 4xx and keeps serving', async () => {
    const post = (body: string | Buffer, headers: Record<string, string>) =>
      server.send('POST', '/login', { headers: { Origin: server.origin, ...headers }, body });
    const json = { 'Content-Type': 'application/json' };
    expect((await post('{"email": ', json)).status).toBe(400);
    expect((await post('[1,2]', json)).status).toBe(400);
    expect((await post('null', json)).status).toBe(400);
    expect((await post(JSON.stringify({ email: ['a'], password: { x: 1 } }), json)).status).toBe(400);
    expect((await post('email=%E0%A4%A&password=%%%', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(401);
    expect((await post(Buffer.from([0xff, 0xfe, 0x00, 0x80]), { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    expect((await post('email=a', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('email=a', {})).status).toBe(415);
    const huge = await post(`email=a&password=${'x'.repeat(17 * 1024)}`, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(huge.status).toBe(413);
    expect(huge.body).toContain('The form is larger than 16 KB.');
    const chunked = await server.send('POST', '/login/link', {
      headers: { Origin: server.origin, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: JSON.stringify({ token: 'x'.repeat(20_000) }),
    });
    expect(chunked.status).toBe(413);
    const longEmail = await post(JSON.stringify({ email: `${'a'.repeat(400)}@example.org`, password: 'whatever it is' }), json);
    expect(longEmail.status).toBe(400);
    expect((await server.send('PUT', '/login')).status).toBe(405);
    expect((await server.send('GET', '/login')).status).toBe(200);
  });

  it('ignores malformed, foreign and forged cookies', async () => {
    for (const cookie of ['codex_chat_session=', 'codex_chat_session=%', 'codex_chat_session=x'.repeat(300), `codex_chat_session=${'A'.repeat(43)}`, '=;;;=', 'other=1; codex_chat_session="quoted"']) {
      const answer = await server.send('GET', '/api/me', { headers: { Cookie: cookie } });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body).error).toMatch(/log in/);
    }
    // A logout without a session still clears the cookie and goes to the login page.
    expect((await server.postForm('/logout', {}, { Cookie: 'codex_chat_session=garbage' })).status).toBe(303);
  });

  it('escapes hostile names, emails and next values in every page', async () => {
    const hostile = `<script>alert(1)</script>"'><img src=x onerror=alert(2)>`;
    const account = await addTestAccount(databases.db(), { name: hostile, email: `x${Date.now()}@example.org` });
    const link = await server.send('GET', `/login/link?token=${await linkTokenFor(databases.db(), account)}`);
    const failed = await server.send('POST', '/login', {
      headers: { Origin: server.origin, 'Content-Type': 'application/json', Accept: 'text/html' },
      body: JSON.stringify({ email: hostile, password: 'wrong wrong', next: `/x"><script>alert(3)</script>` }),
    });
    const form = await server.postForm('/login', { email: hostile, password: 'wrong wrong', next: `/"><script>alert(4)</script>` });
    const withNext = await server.send('GET', `/login?next=${encodeURIComponent('/a"><script>alert(5)</script>')}`);
    for (const page of [link.body, form.body, withNext.body]) {
      expect(page).not.toMatch(/<script|<img|onerror=alert\(\d\)>/i);
    }
    expect(link.body).toContain('Welcome, &#60;script&#62;alert(1)&#60;/script&#62;&#34;&#39;&#62;&#60;img src=x onerror=alert(2)&#62;.');
    expect(failed.status).toBe(401);
    // `next` comes back %-encoded by URL parsing: still the same path, never markup.
    expect(form.body).toContain('name="next" value="/%22%3E%3Cscript%3Ealert(4)%3C/script%3E"');
  });
});
