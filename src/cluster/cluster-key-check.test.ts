import { randomBytes } from 'node:crypto';
import { DEFAULT_HUB_SETTINGS } from '../protocol/index.js';
import { loadSettings, runMigrations, type Database } from '../multiuser/db/index.js';
import { createDbSettingsStore } from '../multiuser/hub/db-settings-store.js';
import { describeEachDatabase } from '../multiuser/testing/test-databases.js';
import { deriveCallerSigningKey } from './caller-signature.js';
import { checkClusterKey, ClusterKeyMismatchError, CLUSTER_KEY_CHECK_SETTING } from './cluster-key-check.js';

describeEachDatabase('checkClusterKey', ({ openFresh }) => {
  let db: Database;
  beforeEach(async () => {
    db = await openFresh();
    await runMigrations(db);
  });

  it('stores a fingerprint at the first start, accepts the same key later and refuses another one', async () => {
    const key = randomBytes(32);
    expect(await checkClusterKey(db, key, { process: 'front', keyFile: '/front/secret.key' })).toBe('stored');
    expect(await checkClusterKey(db, Buffer.from(key), { process: 'host h1', keyFile: '/h1/secret.key' })).toBe('matches');
    const refused = checkClusterKey(db, randomBytes(32), { process: 'host h2', keyFile: '/h2/secret.key' });
    await expect(refused).rejects.toThrow(ClusterKeyMismatchError);
    await expect(refused).rejects.toThrow(/^this process's secret.key \(\/h2\/secret.key\) is not the cluster's: copy secret.key from the --data dir of the cluster's front process/);
  });

  it('keeps neither the key nor the signing key in the database', async () => {
    const key = randomBytes(32);
    await checkClusterKey(db, key, { process: 'front', keyFile: '/k' });
    const stored = JSON.stringify(await loadSettings(db, CLUSTER_KEY_CHECK_SETTING));
    expect(stored).toMatch(/"fingerprint":"[0-9a-f]{64}"/);
    for (const secret of [key, deriveCallerSigningKey(key)]) {
      for (const encoding of ['hex', 'base64', 'base64url'] as const) expect(stored).not.toContain(secret.toString(encoding));
    }
  });

  it('two processes starting at once with different keys: one stores, the other is refused', async () => {
    const results = await Promise.allSettled([
      checkClusterKey(db, randomBytes(32), { process: 'host h1', keyFile: '/h1' }),
      checkClusterKey(db, randomBytes(32), { process: 'host h2', keyFile: '/h2' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('is not read as hub settings', async () => {
    await checkClusterKey(db, randomBytes(32), { process: 'front', keyFile: '/k' });
    expect((await createDbSettingsStore(db)).get()).toEqual(DEFAULT_HUB_SETTINGS);
    expect(await loadSettings(db)).toBeUndefined();
  });
});
