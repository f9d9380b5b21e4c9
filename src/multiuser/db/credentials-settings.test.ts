import { describeEachDatabase } from '../testing/test-databases.js';
import { addAccount } from './accounts.js';
import { deleteSiteSecret, deleteUserSecret, getSiteSecret, getUserSecret, listSiteSecrets, listUserSecrets, setSiteSecret, setUserSecret } from './credentials.js';
import { loadSettings, saveSettings } from './settings.js';

describeEachDatabase('credentials and settings', ({ db }) => {
  it("user secrets: per account and agent, replaced, listed without the secret, deleted", async () => {
    const ann = await addAccount(db(), { email: 'ann@cred.test', name: 'Ann' });
    const bo = await addAccount(db(), { email: 'bo@cred.test', name: 'Bo' });
    expect(await getUserSecret(db(), ann.id, 'codex')).toBeNull();
    await setUserSecret(db(), ann.id, 'codex', 'blob-1');
    await setUserSecret(db(), ann.id, 'codex', 'blob-2');
    await setUserSecret(db(), ann.id, 'gemini', 'blob-g');
    expect(await getUserSecret(db(), ann.id, 'codex')).toEqual({ secret: 'blob-2', updatedAt: expect.stringMatching(/Z$/) });
    expect(await getUserSecret(db(), bo.id, 'codex')).toBeNull();
    expect((await listUserSecrets(db(), ann.id)).map((row) => Object.keys(row).sort().join() + ':' + row.agent)).toEqual(['agent,updatedAt:codex', 'agent,updatedAt:gemini']);
    expect(await deleteUserSecret(db(), ann.id, 'codex')).toBe(true);
    expect(await deleteUserSecret(db(), ann.id, 'codex')).toBe(false);
    expect(await getUserSecret(db(), ann.id, 'codex')).toBeNull();
  });

  it('site secrets: one per agent, replaced, listed, deleted', async () => {
    await setSiteSecret(db(), 'codex', 's1');
    await setSiteSecret(db(), 'codex', 's2');
    expect((await getSiteSecret(db(), 'codex'))?.secret).toBe('s2');
    expect((await listSiteSecrets(db())).map((row) => row.agent)).toEqual(['codex']);
    expect(await deleteSiteSecret(db(), 'codex')).toBe(true);
    expect(await getSiteSecret(db(), 'codex')).toBeNull();
  });

  it('settings: undefined before the first save; a save replaces the document whole', async () => {
    expect(await loadSettings(db())).toBeUndefined();
    await saveSettings(db(), { agents: { codex: { model: 'x' } }, flag: true });
    await saveSettings(db(), { agents: {}, note: 'ünï "quoted"' });
    expect(await loadSettings(db())).toEqual({ agents: {}, note: 'ünï "quoted"' });
    await saveSettings(db(), [1, 2], 'other');
    expect(await loadSettings(db(), 'other')).toEqual([1, 2]);
  });
});
