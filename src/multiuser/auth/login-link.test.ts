import { disableAccount, passwordHashOf } from '../db/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { verifyPassword } from './password-hash.js';
import { addTestAccount, linkTokenFor, sessionCookieOf, startLoginTestServer, type LoginTestServer } from './login-test-server.js';

const NEW_PASSWORD = 'my brand new password';

describeEachDatabase('one-time login link', (databases) => {
  let server: LoginTestServer;
  beforeAll(async () => {
    server = await startLoginTestServer(databases.db());
  });
  afterAll(() => server?.close());

  it('shows "set your password", sets it, logs in, and the password works afterwards', async () => {
    const account = await addTestAccount(databases.db(), { name: 'Bo Link' });
    const token = await linkTokenFor(databases.db(), account);
    const form = await server.send('GET', `/login/link?token=${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('Set your password');
    expect(form.body).toContain('Welcome, Bo Link.');
    expect(form.body).toContain(`name="token" value="${token}"`);
    // Showing the form does not use the link.
    expect((await server.send('GET', `/login/link?token=${token}`)).status).toBe(200);

    const set = await server.postForm('/login/link', { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(set.status).toBe(303);
    expect(set.headers.location).toBe('/');
    const me = await server.send('GET', '/api/me', { headers: { Cookie: sessionCookieOf(set) } });
    expect(JSON.parse(me.body).account.id).toBe(account.id);
    expect(await verifyPassword(NEW_PASSWORD, (await passwordHashOf(databases.db(), account.id)) ?? '')).toBe(true);
    expect(server.audit.at(-1)).toMatchObject({ kind: 'login', accountId: account.id, target: account.email, outcome: 'password set by login link' });
    expect((await server.postForm('/login', { email: account.email, password: NEW_PASSWORD })).status).toBe(303);
  });

  it('refuses a used link (GET and POST) and leaves the password as set', async () => {
    const account = await addTestAccount(databases.db());
    const token = await linkTokenFor(databases.db(), account);
    expect((await server.postForm('/login/link', { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(303);
    const again = await server.send('GET', `/login/link?token=${token}`);
    expect(again.status).toBe(410);
    expect(again.body).toContain('This login link has expired or was already used.');
    const reuse = await server.postForm('/login/link', { token, password: 'an attacker password', confirm: 'an attacker password' });
    expect(reuse.status).toBe(410);
    expect(reuse.headers['set-cookie']).toBeUndefined();
    expect(await verifyPassword(NEW_PASSWORD, (await passwordHashOf(databases.db(), account.id)) ?? '')).toBe(true);
    expect(server.audit.at(-1)).toMatchObject({ kind: 'login', accountId: null, outcome: 'login link expired or used' });
  });

  it('refuses an expired link, an unknown token, a malformed one, and a disabled account\'s link', async () => {
    const account = await addTestAccount(databases.db());
    const expired = await linkTokenFor(databases.db(), account, -1000);
    const disabled = await addTestAccount(databases.db());
    const disabledToken = await linkTokenFor(databases.db(), disabled);
    await disableAccount(databases.db(), disabled.id);
    for (const token of [expired, 'A'.repeat(43), disabledToken]) {
      expect((await server.send('GET', `/login/link?token=${token}`)).status).toBe(410);
      expect((await server.postForm('/login/link', { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(410);
    }
    for (const query of ['', '?token=', '?token=%00%ff', `?token=${'x'.repeat(5000)}`, '?token=a&token=b']) {
      expect((await server.send('GET', `/login/link${query}`)).status).toBe(410);
    }
    expect(await passwordHashOf(databases.db(), account.id)).toBeNull();
  });

  it('a too short or mistyped password is refused with the reason and the link stays usable', async () => {
    const account = await addTestAccount(databases.db());
    const token = await linkTokenFor(databases.db(), account);
    const short = await server.postForm('/login/link', { token, password: 'short', confirm: 'short' });
    expect(short.status).toBe(400);
    expect(short.body).toContain('The password must have at least 10 characters.');
    expect(short.body).toContain(`name="token" value="${token}"`);
    const differ = await server.postForm('/login/link', { token, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` });
    expect(differ.body).toContain('The two passwords differ.');
    expect(await passwordHashOf(databases.db(), account.id)).toBeNull();
    const json = await server.send('POST', '/login/link', {
      headers: { 'Content-Type': 'application/json', Origin: server.origin },
      body: JSON.stringify({ token, password: NEW_PASSWORD }),
    });
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body)).toMatchObject({ ok: true, account: { id: account.id }, next: '/' });
  });

  it('two concurrent uses of one link: one logs in, the other is refused', async () => {
    const account = await addTestAccount(databases.db());
    const token = await linkTokenFor(databases.db(), account);
    const answers = await Promise.all(
      ['first password here', 'second password here'].map((password) => server.postForm('/login/link', { token, password, confirm: password })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 410]);
    const winner = answers[0].status === 303 ? 'first password here' : 'second password here';
    expect(await verifyPassword(winner, (await passwordHashOf(databases.db(), account.id)) ?? '')).toBe(true);
  });
});
