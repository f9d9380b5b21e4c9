import { useCallback, useEffect, useState } from 'react';
import { AcpApiError } from '../../src/acp-api/index.js';
import { ACP_API_ERROR_CODES, type CredentialStatus } from '../../src/protocol/index.js';
import { useCodexRuntime } from '../provider.js';

/** The caller's agent keys as the hub reports them (credentials.list): statuses, never a key. */
export type AgentCredentials = {
  /** null while loading or without a hub connection. */
  credentials: CredentialStatus[] | null;
  /** Whether the hub keeps site-wide keys (multiuser). */
  siteKeys: boolean;
  /** Why the list could not be read. */
  loadError: string | null;
  /** Each resolves when the hub saved the change (the list is then the hub's answer) and rejects with its refusal. */
  connect(agent: string, apiKey: string): Promise<void>;
  disconnect(agent: string): Promise<void>;
  /** Admin: replaces the site key (a string) or removes it (null). */
  setSiteKey(agent: string, apiKey: string | null): Promise<void>;
};

/** Loads the caller's credential statuses once and keeps them current with every change made here. */
export function useAgentCredentials(): AgentCredentials {
  const { api } = useCodexRuntime();
  const [credentials, setCredentials] = useState<CredentialStatus[] | null>(null);
  const [siteKeys, setSiteKeys] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    if (!api) return;
    let current = true;
    api.call('credentials.list', {}).then(
      (result) => {
        if (!current) return;
        setCredentials(result.credentials);
        setSiteKeys(result.siteKeys === true);
      },
      (error: unknown) => {
        if (!current) return;
        // A hub without credentials methods keeps no keys of its own: nothing to list, not a failure.
        if (AcpApiError.isInstance(error) && error.code === ACP_API_ERROR_CODES.methodNotFound) return setCredentials([]);
        setLoadError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      current = false;
    };
  }, [api]);
  const change = useCallback(
    async (run: () => Promise<{ credentials: CredentialStatus[] }> | undefined) => {
      const answer = await (run() ?? Promise.reject(new Error('No hub connection.')));
      setCredentials(answer.credentials);
    },
    [],
  );
  return {
    credentials,
    siteKeys,
    loadError,
    connect: (agent, apiKey) => change(() => api?.call('credentials.set', { agent, apiKey })),
    disconnect: (agent) => change(() => api?.call('credentials.clear', { agent })),
    setSiteKey: (agent, apiKey) => change(() => api?.call('credentials.setSite', { agent, apiKey })),
  };
}
