import { describe, expect, it } from 'vitest';
import { deriveCapabilities, UNKNOWN_CAPABILITIES } from './agent-capabilities.js';

describe('deriveCapabilities', () => {
  it('reads what an agent reported in initialize and session/new', () => {
    const initialize = {
      protocolVersion: 1,
      agentCapabilities: { loadSession: true, promptCapabilities: { image: true, embeddedContext: true }, sessionCapabilities: { resume: {}, fork: {} } },
      authMethods: [{ id: 'api-key', name: 'API key' }, { id: 'chatgpt', name: 'ChatGPT', description: 'Sign in with ChatGPT' }],
    };
    const session = {
      modes: { currentModeId: 'auto', availableModes: [{ id: 'read-only', name: 'Read only' }, { id: 'auto', name: 'Auto' }] },
      configOptions: [{ id: 'model', name: 'Model', type: 'select' as const, currentValue: 'a', options: [{ value: 'a', name: 'A' }] }],
    };
    expect(deriveCapabilities(initialize, session)).toEqual({
      loadSession: true,
      resumeSession: true,
      fork: true,
      images: true,
      audio: false,
      embeddedContext: true,
      modes: [{ id: 'read-only', name: 'Read only' }, { id: 'auto', name: 'Auto' }],
      configOptions: session.configOptions,
      setModel: true,
      authMethods: [
        { id: 'api-key', name: 'API key', needsApiKey: true },
        { id: 'chatgpt', name: 'ChatGPT', description: 'Sign in with ChatGPT', needsApiKey: false },
      ],
      terminalOutput: false,
    });
  });

  it('offers nothing an agent did not clearly report', () => {
    expect(deriveCapabilities({ protocolVersion: 1 })).toEqual(UNKNOWN_CAPABILITIES);
    expect(deriveCapabilities(undefined)).toEqual(UNKNOWN_CAPABILITIES);
  });

  it('tolerates junk without throwing', () => {
    const junk = {
      protocolVersion: 1,
      agentCapabilities: { loadSession: 'yes', promptCapabilities: 'image', sessionCapabilities: [] },
      authMethods: [null, { name: 'no id' }, { id: 'ok' }],
      _meta: { terminal_output: true },
    } as never;
    const session = { modes: { currentModeId: 'x', availableModes: [{ name: 'no id' }, { id: 'x' }] }, configOptions: [null, { id: 7 }] } as never;
    expect(deriveCapabilities(junk, session)).toMatchObject({
      loadSession: false,
      images: false,
      fork: false,
      authMethods: [{ id: 'ok', name: 'ok', needsApiKey: false }],
      modes: [{ id: 'x', name: 'x' }],
      configOptions: [],
      setModel: false,
      terminalOutput: true,
    });
  });
});
