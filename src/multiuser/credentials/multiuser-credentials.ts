import type { CredentialResolver, MethodHandlers } from '../../hub/types.js';
import type { HubSettings } from '../../protocol/index.js';
import type { Queryable } from '../db/index.js';
import { createCredentialCipher } from './credential-cipher.js';
import { createCredentialResolver } from './credential-resolver.js';
import type { CredentialStore } from './credential-store.js';
import { createCredentialsMethods, type CredentialsMethodsOptions } from './credentials-methods.js';
import { createDatabaseCredentialStore } from './database-credential-store.js';
import { loadSecretKey } from './secret-key.js';

/** What the multiuser hub mounts: the credentials.* handlers and the resolver for TurnServiceDeps. */
export type MultiuserCredentials = { store: CredentialStore; resolveCredential: CredentialResolver; methods: MethodHandlers };

/**
 * The multiuser hub's credentials, keyed by `<dataDir>/secret.key`. Throws SecretKeyError (a
 * message for the operator) when that file is unusable: the hub must then not start.
 */
export function createMultiuserCredentials(options: { dataDir: string; db: Queryable; settings: () => HubSettings; onChange?: CredentialsMethodsOptions['onChange'] }): MultiuserCredentials {
  const store = createDatabaseCredentialStore(options.db, createCredentialCipher(loadSecretKey(options.dataDir)));
  return {
    store,
    resolveCredential: createCredentialResolver(store, options.settings),
    methods: createCredentialsMethods({ store, settings: options.settings, onChange: options.onChange }),
  };
}
