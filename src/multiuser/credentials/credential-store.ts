/** When a stored key was last set (unknown for lite's secrets file). */
export type StoredKeyInfo = { updatedAt?: string };

/** Which agents have a stored key, without reading (decrypting) any. */
export type CredentialPresence = { user: Map<string, StoredKeyInfo>; site: Map<string, StoredKeyInfo> };

/**
 * Agent API keys in plain text for the hub's own use (the resolver, the credentials methods); how
 * they are kept is the implementation's business (multiuser: encrypted rows; lite: the secrets file).
 * A key read here goes to an agent process only, never to a client or a log.
 */
export type CredentialStore = {
  /** Whether this hub keeps site-wide keys (multiuser); lite has one account and no site keys. */
  readonly hasSiteKeys: boolean;
  presenceOf(accountId: string): Promise<CredentialPresence>;
  /** Throws CredentialDecryptError when a stored key cannot be read. */
  userKey(accountId: string, agent: string): Promise<string | undefined>;
  siteKey(agent: string): Promise<string | undefined>;
  /** null removes. */
  setUserKey(accountId: string, agent: string, apiKey: string | null): Promise<void>;
  setSiteKey(agent: string, apiKey: string | null): Promise<void>;
};
