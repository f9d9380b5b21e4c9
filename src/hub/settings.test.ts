import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HUB_SETTINGS, type HubSettings } from '../protocol/index.js';
import { connectClient, startTestHub, waitFor } from './hub-test-helpers.js';
import { loadAccountId } from './account-id.js';
import { createSecretStore } from './secret-store.js';

describe('hub settings', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('lets only the admin write when an admin token is set, refuses invalid values with the reason, and /customize follows at once', async () => {
    const hub = await startTestHub({ adminToken: 'admin-secret' });
    cleanups.push(hub.dispose);
    const user = connectClient(hub);
    const admin = connectClient(hub, { extraQuery: '&admin=admin-secret' });
    cleanups.push(() => user.close(), () => admin.close());
    const asUser = await user.call('settings.get', {});
    expect(asUser).toMatchObject({ settings: DEFAULT_HUB_SETTINGS, isAdmin: false, mode: 'lite' });
    // One local account: both clients are the same person, whatever their admin rights.
    expect(asUser.accountId).toMatch(/\S+/);
    expect(await admin.call('settings.get', {})).toMatchObject({ isAdmin: true, accountId: asUser.accountId });
    await expect(user.call('settings.set', { settings: { codex_enabled: false } })).rejects.toThrow(/only the admin may change settings/);
    await expect(admin.call('settings.set', { settings: { codex_default_models: 'gpt' as unknown as string[] } })).rejects.toThrow(
      /invalid settings: codex_default_models: .*array/,
    );
    await expect(admin.call('settings.set', { settings: { unknown_key: 1 } as unknown as Partial<HubSettings> })).rejects.toThrow(/unknown_key/);
    await expect(admin.call('settings.set', { settings: { default_agent: 'nobody' } })).rejects.toThrow(/default_agent: "nobody" is not one of enabled_agents/);
    const announced: HubSettings[] = [];
    user.on('settings.change', (change) => announced.push(change.settings));
    const result = await admin.call('settings.set', { settings: { codex_enabled: false, codex_default_models: ['gpt-5', 'gpt-5-mini'] } });
    expect(result.settings.codex_default_models).toEqual(['gpt-5', 'gpt-5-mini']);
    const customize = (await new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: hub.port, path: '/customize', headers: { Cookie: `codex_chat_token_${hub.port}=${hub.token}` } }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve(JSON.parse(body)));
        })
        .on('error', reject);
    })) as Record<string, unknown>;
    expect(customize).toMatchObject({ codex_enabled: false, codex_default_models: ['gpt-5', 'gpt-5-mini'], agents: [] });
    expect(customize).not.toHaveProperty('permission_timeout_ms');
    await waitFor('the other client to be told', () => announced.length === 1);
    const stored = JSON.parse(readFileSync(path.join(hub.stateDir, 'settings.json'), 'utf8')) as HubSettings;
    expect(stored.codex_enabled).toBe(false);
  });

  it('makes the token holder admin when no admin token is given', async () => {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    const client = connectClient(hub);
    cleanups.push(() => client.close());
    expect((await client.call('settings.get', {})).isAdmin).toBe(true);
    await client.call('settings.set', { settings: { selectable_llms: ['a'] } });
  });

  it('keeps secrets in a 0600 file and a stable account id across restarts', async () => {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    const secrets = createSecretStore(hub.stateDir);
    await secrets.set('codex_api_key', 'sk-test');
    expect(statSync(path.join(hub.stateDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(createSecretStore(hub.stateDir).get('codex_api_key')).toBe('sk-test');
    const accountId = JSON.parse(readFileSync(path.join(hub.stateDir, 'account.json'), 'utf8')).accountId;
    expect(accountId).toMatch(/^[0-9a-f-]{36}$/);
    expect(loadAccountId(hub.stateDir)).toBe(accountId);
  });
});
