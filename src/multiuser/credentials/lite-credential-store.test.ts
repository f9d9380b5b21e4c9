import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AcpApiError } from '../../acp-api/index.js';
import { createSecretStore } from '../../hub/secret-store.js';
import type { ClientContext, MethodHandler } from '../../hub/types.js';
import { DEFAULT_HUB_SETTINGS } from '../../protocol/index.js';
import { createCredentialsMethods } from './credentials-methods.js';
import { createLiteCredentialStore, liteSecretName } from './lite-credential-store.js';

const LOCAL: ClientContext = { clientId: 'c1', accountId: 'local', isAdmin: true };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lite credentials (the secrets file, as agents.authenticate writes it)', () => {
  it('credentials.* read and write agent.<id>.apiKey in secrets.json; a cleared key reads as none; no site keys', async () => {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-lite-credentials-'));
    dirs.push(stateDir);
    const secrets = createSecretStore(stateDir);
    await secrets.set(liteSecretName('gemini'), 'gm-key-from-authenticate');
    const methods = createCredentialsMethods({ store: createLiteCredentialStore(secrets), settings: () => DEFAULT_HUB_SETTINGS });
    const list = await (methods['credentials.list'] as MethodHandler<'credentials.list'>)({}, LOCAL);
    expect(list.siteKeys).toBe(false);
    expect(list.credentials.find((row) => row.agent === 'gemini')).toEqual({ agent: 'gemini', hasUserKey: true, hasSiteKey: false, effective: 'user' });
    await (methods['credentials.set'] as MethodHandler<'credentials.set'>)({ agent: 'codex', apiKey: 'sk-lite-0123456789' }, LOCAL);
    expect(createSecretStore(stateDir).get('agent.codex.apiKey')).toBe('sk-lite-0123456789');
    const cleared = await (methods['credentials.clear'] as MethodHandler<'credentials.clear'>)({ agent: 'codex' }, LOCAL);
    expect(cleared.credentials.find((row) => row.agent === 'codex')).toMatchObject({ hasUserKey: false, effective: 'none' });
    const site = await (methods['credentials.setSite'] as MethodHandler<'credentials.setSite'>)({ agent: 'codex', apiKey: 'sk-site-0123456789' }, LOCAL).catch((error: unknown) => error);
    expect(AcpApiError.isInstance(site) && [site.code, site.message]).toEqual([-32602, 'lite mode has no site keys; use credentials.set.']);
  });
});
