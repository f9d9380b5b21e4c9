import { describe, expect, it } from 'vitest';
import { findAgentDefinition, type AgentDefinition } from '../../agents/index.js';
import { sandboxNotices } from './sandbox-notice.js';

const codex = findAgentDefinition('codex')!;
const withSandbox = (sandbox: ReturnType<NonNullable<AgentDefinition['sandbox']>>): AgentDefinition => ({ ...codex, sandbox: () => sandbox });

describe('sandboxNotices: a turn in a sandboxed mode says plainly when the sandbox cannot start', () => {
  it('names the reason in read-only, workspace-write and the default mode, not in full access', () => {
    const definition = withSandbox({ available: false, reason: 'bubblewrap cannot create its namespaces here (the system bwrap: bwrap: No permissions to create new namespace)' });
    expect(sandboxNotices(definition, 'read-only')).toEqual(["Codex's sandbox could not start here: bubblewrap cannot create its namespaces here (the system bwrap: bwrap: No permissions to create new namespace). Its commands in the read-only mode will fail; full access runs them without a sandbox."]);
    expect(sandboxNotices(definition, 'workspace-write')).toHaveLength(1);
    expect(sandboxNotices(definition, undefined)).toHaveLength(1);
    expect(sandboxNotices(definition, 'full-access')).toEqual([]);
  });

  it('says nothing when the sandbox is available, not probed yet, or the agent has none', () => {
    expect(sandboxNotices(withSandbox({ available: true }), 'read-only')).toEqual([]);
    expect(sandboxNotices(withSandbox(undefined), 'read-only')).toEqual([]);
    expect(sandboxNotices(findAgentDefinition('demo')!, 'read-only')).toEqual([]);
  });
});
