import { createAcpApi, createWebSocketTransport } from '../index.js';
import type { AcpApi, HubMode } from '../index.js';

const ACCOUNT_STORAGE_KEY = 'codex-chat.account-id';

/** The acp-api over the hub's WebSocket on the page's own origin (the access cookie rides along). */
export function connectToHub(): AcpApi {
  const url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
  return createAcpApi(createWebSocketTransport(url));
}

/** Who this page is for, from settings.get: the account (id, name, email, admin) and the hub's mode. */
export type HubIdentity = { accountId: string; accountName: string | null; email: string | null; isAdmin: boolean; mode: HubMode };

/**
 * This client's identity: the hub's account (lite: the local one; multiuser: the logged-in one), or,
 * if the hub cannot be asked, lite mode with an account id kept per browser.
 */
export async function resolveIdentity(api: AcpApi): Promise<HubIdentity> {
  try {
    const answer = await api.call('settings.get', {});
    return { accountId: answer.accountId, accountName: answer.accountName ?? null, email: answer.email ?? null, isAdmin: answer.isAdmin, mode: answer.mode ?? 'lite' };
  } catch (error) {
    console.warn('[app] settings.get failed; using a browser account id:', error);
  }
  return { accountId: browserAccountId(), accountName: null, email: null, isAdmin: false, mode: 'lite' };
}

function browserAccountId(): string {
  const stored = localStorage.getItem(ACCOUNT_STORAGE_KEY);
  if (stored) return stored;
  const created = crypto.randomUUID();
  localStorage.setItem(ACCOUNT_STORAGE_KEY, created);
  return created;
}
