import { randomBytes } from 'node:crypto';
import { AcpApiError } from '../../acp-api/index.js';
import type { ClientContext, MethodHandlers } from '../../hub/types.js';
import { DEFAULT_HUB_SETTINGS, type AcpApiMethod, type AcpApiParams, type AcpApiResult, type HubSettings } from '../../protocol/index.js';
import { addAccount } from '../db/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { createCredentialCipher } from './credential-cipher.js';
import { createCredentialsMethods } from './credentials-methods.js';
import { createDatabaseCredentialStore } from './database-credential-store.js';

const KEY = 'sk-proj-abcdefghijklmnop1234';

describeEachDatabase('credentials.* methods', ({ db }) => {
  let settings: HubSettings = DEFAULT_HUB_SETTINGS;
  let handlers: MethodHandlers;
  let counter = 0;
  const changes: unknown[] = [];

  async function account(isAdmin = false): Promise<ClientContext> {
    counter += 1;
    const created = await addAccount(db(), { email: `user-${counter}@example.org`, name: `User ${counter}`, isAdmin });
    return { clientId: `client-${counter}`, accountId: created.id, isAdmin };
  }
  function call<M extends AcpApiMethod>(method: M, params: AcpApiParams<M>, context: ClientContext): Promise<AcpApiResult<M>> {
    const handler = handlers[method] as ((params: AcpApiParams<M>, context: ClientContext) => Promise<AcpApiResult<M>>) | undefined;
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(params, context);
  }
  async function refusal(run: Promise<unknown>): Promise<{ code: number; message: string }> {
    const error = await run.then(() => undefined, (caught: unknown) => caught);
    if (!AcpApiError.isInstance(error)) throw new Error(`expected an AcpApiError, got ${String(error)}`);
    return { code: error.code, message: error.message };
  }

  beforeEach(async () => {
    settings = DEFAULT_HUB_SETTINGS;
    changes.length = 0;
    const store = createDatabaseCredentialStore(db(), createCredentialCipher(randomBytes(32)));
    for (const agent of ['codex', 'claude', 'gemini']) await store.setSiteKey(agent, null);
    handlers = createCredentialsMethods({ store, settings: () => settings, onChange: (change) => changes.push(change) });
  });

  it('set, list and clear the caller\'s own key: statuses only, never the key; other accounts see nothing of it', async () => {
    const ann = await account();
    const bo = await account();
    const before = await call('credentials.list', {}, ann);
    expect(before.credentials.map((row) => row.agent)).toEqual(['codex', 'claude', 'gemini']);
    expect(before.credentials.every((row) => !row.hasUserKey && !row.hasSiteKey && row.effective === 'none')).toBe(true);
    const afterSet = await call('credentials.set', { agent: 'codex', apiKey: `  ${KEY}\n` }, ann);
    expect(JSON.stringify(afterSet)).not.toContain(KEY);
    expect(afterSet.credentials[0]).toEqual({ agent: 'codex', hasUserKey: true, userKeyUpdatedAt: expect.stringMatching(/Z$/), hasSiteKey: false, effective: 'user' });
    expect((await call('credentials.list', {}, bo)).credentials[0]).toMatchObject({ hasUserKey: false, effective: 'none' });
    expect((await call('credentials.clear', { agent: 'codex' }, ann)).credentials[0]).toMatchObject({ hasUserKey: false, effective: 'none' });
    expect(changes).toEqual([
      { accountId: ann.accountId, agent: 'codex', scope: 'user', action: 'set' },
      { accountId: ann.accountId, agent: 'codex', scope: 'user', action: 'clear' },
    ]);
  });

  it('setSite is admin only and replace-only: a string replaces, null removes; members then see hasSiteKey and effective site', async () => {
    const admin = await account(true);
    const member = await account();
    expect(await refusal(call('credentials.setSite', { agent: 'codex', apiKey: KEY }, member))).toEqual({ code: -32001, message: 'Only an admin can set site keys.' });
    const set = await call('credentials.setSite', { agent: 'codex', apiKey: KEY }, admin);
    expect(JSON.stringify(set)).not.toContain(KEY);
    expect((await call('credentials.list', {}, member)).credentials[0]).toMatchObject({ hasUserKey: false, hasSiteKey: true, effective: 'site' });
    await call('credentials.setSite', { agent: 'codex', apiKey: `${KEY}-2` }, admin);
    expect((await db().query('select agent from site_credentials')).length).toBe(1);
    await call('credentials.setSite', { agent: 'codex', apiKey: null }, admin);
    expect((await call('credentials.list', {}, member)).credentials[0]).toMatchObject({ hasSiteKey: false, effective: 'none' });
  });

  it('refuses an unknown agent, an agent without keys, an empty, short, long or multi-line key and unknown params with -32602, never quoting the key', async () => {
    const ann = await account(true);
    const cases: Array<[Promise<unknown>, string]> = [
      [call('credentials.set', { agent: 'nope', apiKey: KEY }, ann), 'unknown agent "nope".'],
      [call('credentials.set', { agent: 'demo', apiKey: KEY }, ann), 'Demo takes no API key.'],
      [call('credentials.set', { agent: 'codex', apiKey: '   ' }, ann), 'the API key is empty.'],
      [call('credentials.set', { agent: 'codex', apiKey: 'sk-1' }, ann), 'the API key is too short (at least 8 characters).'],
      [call('credentials.set', { agent: 'codex', apiKey: `sk-${'x'.repeat(5000)}` }, ann), 'the API key is too long (at most 4096 characters).'],
      [call('credentials.set', { agent: 'codex', apiKey: `${KEY}\nsecond-line` }, ann), 'an API key is one line of printable ASCII characters without spaces.'],
      [call('credentials.set', { agent: 'codex', apiKey: 42 as never }, ann), 'apiKey must be a string.'],
      [call('credentials.set', { agent: 'codex', apiKey: KEY, extra: 1 } as never, ann), 'unknown params "extra".'],
      [call('credentials.clear', { agent: 'demo' }, ann), 'Demo takes no API key.'],
      [call('credentials.setSite', { agent: 'x'.repeat(300), apiKey: KEY }, ann), 'agent must be an agent id.'],
      [call('credentials.setSite', { agent: 'codex', apiKey: '' }, ann), 'the API key is empty.'],
    ];
    for (const [run, message] of cases) expect(await refusal(run)).toEqual({ code: -32602, message });
    expect((await call('credentials.list', {}, ann)).credentials.some((row) => row.hasUserKey || row.hasSiteKey)).toBe(false);
  });

  it('refuses a user key when the admin does not allow user keys; effective then ignores stored user keys', async () => {
    const ann = await account();
    await call('credentials.set', { agent: 'gemini', apiKey: KEY }, ann);
    settings = { ...DEFAULT_HUB_SETTINGS, codex_allow_user_tokens: false };
    expect(await refusal(call('credentials.set', { agent: 'codex', apiKey: KEY }, ann))).toEqual({ code: -32001, message: 'The admin does not allow user API keys.' });
    expect((await call('credentials.list', {}, ann)).credentials.find((row) => row.agent === 'gemini')).toMatchObject({ hasUserKey: true, effective: 'none' });
  });
});
