import {
  deleteSiteSecret,
  deleteUserSecret,
  getSiteSecret,
  getUserSecret,
  listSiteSecrets,
  listUserSecrets,
  setSiteSecret,
  setUserSecret,
  type Queryable,
} from '../db/index.js';
import type { CredentialCipher } from './credential-cipher.js';
import type { CredentialStore, StoredKeyInfo } from './credential-store.js';

const userContext = (accountId: string, agent: string) => `user:${accountId}:${agent}`;
const siteContext = (agent: string) => `site:${agent}`;

function byAgent(rows: Array<{ agent: string; updatedAt: string }>): Map<string, StoredKeyInfo> {
  return new Map(rows.map((row) => [row.agent, { updatedAt: row.updatedAt }]));
}

/**
 * Multiuser credentials: AES-256-GCM blobs in the tables user_credentials and site_credentials,
 * the key in `<data>/secret.key` (never in the database).
 */
export function createDatabaseCredentialStore(db: Queryable, cipher: CredentialCipher): CredentialStore {
  return {
    hasSiteKeys: true,
    async presenceOf(accountId) {
      const [user, site] = await Promise.all([listUserSecrets(db, accountId), listSiteSecrets(db)]);
      return { user: byAgent(user), site: byAgent(site) };
    },
    async userKey(accountId, agent) {
      const row = await getUserSecret(db, accountId, agent);
      return row ? cipher.decrypt(row.secret, userContext(accountId, agent)) : undefined;
    },
    async siteKey(agent) {
      const row = await getSiteSecret(db, agent);
      return row ? cipher.decrypt(row.secret, siteContext(agent)) : undefined;
    },
    async setUserKey(accountId, agent, apiKey) {
      if (apiKey === null) await deleteUserSecret(db, accountId, agent);
      else await setUserSecret(db, accountId, agent, cipher.encrypt(apiKey, userContext(accountId, agent)));
    },
    async setSiteKey(agent, apiKey) {
      if (apiKey === null) await deleteSiteSecret(db, agent);
      else await setSiteSecret(db, agent, cipher.encrypt(apiKey, siteContext(agent)));
    },
  };
}
