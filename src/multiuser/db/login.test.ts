import { describeEachDatabase } from '../testing/test-databases.js';
import { addAccount, disableAccount } from './accounts.js';
import { consumeLoginLink, createLoginLink, createSession, deleteSession, findSession, peekLoginLink, touchSession } from './login.js';
import { hashSecret } from './secrets.js';

describeEachDatabase('login links and sessions', ({ db }) => {
  let counter = 0;
  const newAccount = () => addAccount(db(), { email: `user${++counter}@login.test`, name: `User ${counter}` });

  it('a login link works once, and only its hash is stored', async () => {
    const account = await newAccount();
    const link = await createLoginLink(db(), account.id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db().query<{ token_hash: string }>('select token_hash from login_links where account_id = $1', [account.id]);
    expect(stored).toEqual([{ token_hash: hashSecret(link.token) }]);
    expect((await peekLoginLink(db(), link.token))?.id).toBe(account.id);
    expect((await consumeLoginLink(db(), link.token))?.id).toBe(account.id);
    expect(await consumeLoginLink(db(), link.token)).toBeNull();
    expect(await peekLoginLink(db(), link.token)).toBeNull();
  });

  it('the link lives 7 days by default; an expired link, an unknown token and a disabled account give null', async () => {
    const account = await newAccount();
    const link = await createLoginLink(db(), account.id);
    const days = (Date.parse(link.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await consumeLoginLink(db(), (await createLoginLink(db(), account.id, -1000)).token)).toBeNull();
    expect(await consumeLoginLink(db(), 'not-a-token')).toBeNull();
    await disableAccount(db(), account.id);
    expect(await consumeLoginLink(db(), link.token)).toBeNull();
  });

  it('a session is found by its cookie secret with its account; the database holds only the hash', async () => {
    const account = await newAccount();
    const session = await createSession(db(), account.id, { ip: '10.0.0.7' });
    expect(session.id).toBe(hashSecret(session.secret));
    const found = await findSession(db(), session.secret);
    expect(found).toMatchObject({ id: session.id, ip: '10.0.0.7', expiresAt: session.expiresAt, account: { id: account.id, email: account.email, name: account.name, disabledAt: null } });
    expect(await findSession(db(), session.id)).toBeNull(); // the hash is not a secret that logs in
    expect(await db().query('select 1 from login_sessions where id_hash = $1', [session.secret])).toEqual([]);
  });

  it('an expired session is not found and cannot be touched back to life', async () => {
    const account = await newAccount();
    const expired = await createSession(db(), account.id, { ttlMs: -1000 });
    expect(await findSession(db(), expired.secret)).toBeNull();
    expect(await touchSession(db(), expired.id)).toBe(false);
  });

  it("a disabled account's sessions are not found", async () => {
    const account = await newAccount();
    const session = await createSession(db(), account.id);
    await disableAccount(db(), account.id);
    expect(await findSession(db(), session.secret)).toBeNull();
  });

  it('touch slides the expiry and records the ip; delete ends the session', async () => {
    const account = await newAccount();
    const session = await createSession(db(), account.id, { ttlMs: 60_000 });
    expect(await touchSession(db(), session.id, { ttlMs: 3_600_000, ip: '10.0.0.9' })).toBe(true);
    const touched = await findSession(db(), session.secret);
    expect(Date.parse(touched!.expiresAt)).toBeGreaterThan(Date.parse(session.expiresAt));
    expect(touched!.ip).toBe('10.0.0.9');
    await deleteSession(db(), session.id);
    expect(await findSession(db(), session.secret)).toBeNull();
  });
});
