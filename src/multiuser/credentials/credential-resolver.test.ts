import { randomBytes } from 'node:crypto';
import { DEFAULT_HUB_SETTINGS, type HubSettings } from '../../protocol/index.js';
import { addAccount } from '../db/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { createCredentialCipher } from './credential-cipher.js';
import { createCredentialResolver } from './credential-resolver.js';
import { createDatabaseCredentialStore } from './database-credential-store.js';

const ANN_KEY = 'sk-ann-0123456789abcdef';
const BO_KEY = 'sk-bo-0123456789abcdef';
const SITE_KEY = 'sk-site-0123456789abcdef';

describeEachDatabase('credential resolver', ({ db }) => {
  let settings: HubSettings = DEFAULT_HUB_SETTINGS;
  let counter = 0;
  async function setup() {
    counter += 1;
    settings = DEFAULT_HUB_SETTINGS;
    const store = createDatabaseCredentialStore(db(), createCredentialCipher(randomBytes(32)));
    for (const agent of ['codex', 'claude', 'gemini']) await store.setSiteKey(agent, null);
    const ann = await addAccount(db(), { email: `ann-${counter}@example.org`, name: 'Ann' });
    const bo = await addAccount(db(), { email: `bo-${counter}@example.org`, name: 'Bo' });
    return { store, ann: ann.id, bo: bo.id, resolve: createCredentialResolver(store, () => settings) };
  }

  it("the starting user's own key beats the site key; a member without one gets the site key", async () => {
    const { store, ann, bo, resolve } = await setup();
    await store.setUserKey(ann, 'codex', ANN_KEY);
    await store.setSiteKey('codex', SITE_KEY);
    expect(await resolve('codex', ann)).toEqual({ apiKey: ANN_KEY, source: 'user' });
    expect(await resolve('codex', bo)).toEqual({ apiKey: SITE_KEY, source: 'site' });
    await store.setUserKey(bo, 'codex', BO_KEY);
    expect(await resolve('codex', bo)).toEqual({ apiKey: BO_KEY, source: 'user' });
  });

  it('without a key of their own and without a site key the turn gets the sign-in message', async () => {
    const { store, ann, bo, resolve } = await setup();
    await store.setUserKey(bo, 'codex', BO_KEY);
    expect(await resolve('codex', ann)).toEqual({ problem: 'Connect Codex in your account settings.' });
    expect(await resolve('claude', ann)).toEqual({ problem: 'Connect Claude in your account settings.' });
  });

  it('when the admin does not allow user keys, a stored user key is not used: the site key, else ask the admin', async () => {
    const { store, ann, resolve } = await setup();
    await store.setUserKey(ann, 'codex', ANN_KEY);
    settings = { ...DEFAULT_HUB_SETTINGS, codex_allow_user_tokens: false };
    expect(await resolve('codex', ann)).toEqual({ problem: 'Codex has no site key and the admin does not allow user keys: ask the admin to set the site key.' });
    await store.setSiteKey('codex', SITE_KEY);
    expect(await resolve('codex', ann)).toEqual({ apiKey: SITE_KEY, source: 'site' });
  });

  it('the demo agent needs no key; an unknown agent is a problem', async () => {
    const { ann, resolve } = await setup();
    expect(await resolve('demo', ann)).toEqual({ source: 'none' });
    expect(await resolve('nope', ann)).toEqual({ problem: 'Unknown agent "nope".' });
  });

  it('keys are stored encrypted (the rows never hold them); a row another hub key wrote reads as a problem, not a crash', async () => {
    const { store, ann, resolve } = await setup();
    await store.setUserKey(ann, 'codex', ANN_KEY);
    await store.setSiteKey('gemini', SITE_KEY);
    const rows = await db().query<{ secret: string }>(`select secret from user_credentials union all select secret from site_credentials`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.secret).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    expect(JSON.stringify(rows)).not.toContain('0123456789abcdef');
    const otherHub = createCredentialResolver(createDatabaseCredentialStore(db(), createCredentialCipher(randomBytes(32))), () => settings);
    expect(await otherHub('codex', ann)).toEqual({ problem: 'Your Codex key cannot be read by this hub any more; connect Codex again in your account settings.' });
    expect(await otherHub('gemini', ann)).toEqual({ problem: "The site's Gemini key cannot be read by this hub any more; ask the admin to set it again." });
    expect(await resolve('gemini', ann)).toEqual({ apiKey: SITE_KEY, source: 'site' });
  });

  it("a blob copied onto another account's row is refused (the row is part of the authenticated data)", async () => {
    const { store, ann, bo, resolve } = await setup();
    await store.setUserKey(ann, 'codex', ANN_KEY);
    await store.setUserKey(bo, 'codex', BO_KEY);
    await db().query(`update user_credentials set secret = (select secret from user_credentials where account_id = $1 and agent = 'codex') where account_id = $2 and agent = 'codex'`, [ann, bo]);
    expect(await resolve('codex', bo)).toEqual({ problem: 'Your Codex key cannot be read by this hub any more; connect Codex again in your account settings.' });
  });
});
