import { createAcpApi, createWebSocketTransport } from '../index.js';
import type { AcpApi } from '../index.js';

const ACCOUNT_STORAGE_KEY = 'codex-chat.account-id';

/** The acp-api over the hub's WebSocket on the page's own origin (the access cookie rides along). */
export function connectToHub(): AcpApi {
  const url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
  return createAcpApi(createWebSocketTransport(url));
}

/** This client's account id: the hub's local account, or, if the hub cannot be asked, one kept per browser. */
export async function resolveAccountId(api: AcpApi): Promise<string> {
  try {
    return (await api.call('settings.get', {})).accountId;
  } catch (error) {
    console.warn('[app] settings.get failed; using a browser account id:', error);
  }
  const stored = localStorage.getItem(ACCOUNT_STORAGE_KEY);
  if (stored) return stored;
  const created = crypto.randomUUID();
  localStorage.setItem(ACCOUNT_STORAGE_KEY, created);
  return created;
}
