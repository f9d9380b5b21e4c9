import { AcpApiError } from '../../../src/acp-api/index.js';
import type { CredentialStatus } from '../../../src/protocol/index.js';
import type { FakeHandlers } from '../../room/testing/fake-acp-api.js';

/**
 * credentials.* answered in-process for jsdom tests (the real methods run against the hub in
 * src/multiuser/credentials tests): the keys are kept here, only statuses are answered.
 */
export function fakeCredentialsHandlers(options: { siteKeys?: boolean; userKeys?: Record<string, string>; siteKeysSet?: Record<string, string>; refuseWith?: string } = {}) {
  const user = new Map(Object.entries(options.userKeys ?? {}));
  const site = new Map(Object.entries(options.siteKeysSet ?? {}));
  const statuses = (): CredentialStatus[] =>
    ['codex', 'claude'].map((agent) => ({
      agent,
      hasUserKey: user.has(agent),
      ...(user.has(agent) ? { userKeyUpdatedAt: '2026-11-30T10:00:00.000Z' } : {}),
      hasSiteKey: site.has(agent),
      effective: user.has(agent) ? 'user' : site.has(agent) ? 'site' : 'none',
    }));
  const refuse = () => {
    if (options.refuseWith) throw AcpApiError.invalidParams(options.refuseWith);
  };
  const handlers: FakeHandlers = {
    'credentials.list': () => ({ credentials: statuses(), siteKeys: options.siteKeys ?? false }),
    'credentials.set': ({ agent, apiKey }) => {
      refuse();
      user.set(agent, apiKey);
      return { credentials: statuses() };
    },
    'credentials.clear': ({ agent }) => {
      user.delete(agent);
      return { credentials: statuses() };
    },
    'credentials.setSite': ({ agent, apiKey }) => {
      refuse();
      if (apiKey === null) site.delete(agent);
      else site.set(agent, apiKey);
      return { credentials: statuses() };
    },
  };
  return { handlers, user, site };
}
