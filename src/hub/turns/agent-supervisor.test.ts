// The supervisor's bookkeeping, with a real supervisor process and a real `sleep` as the agent.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentSupervisor } from './agent-supervisor.js';

describe('agent supervisor marks', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('keeps one mark per agent: turns that end without an interrupt leave nothing behind', async () => {
    const supervisor = new AgentSupervisor();
    expect(await supervisor.ready).toBe(true);
    const agent = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    cleanups.push(() => agent.kill('SIGKILL'));
    supervisor.watch(agent.pid!);
    // Five turns, each marked before its prompt and none interrupted (so no endNewSince).
    for (let turn = 0; turn < 5; turn += 1) expect(await supervisor.mark(agent.pid!)).toEqual(expect.any(Number));
    expect(await supervisor.openMarkCount()).toBe(1);
    // An old turn's mark no longer ends anything; the agent's end drops its mark.
    expect(await supervisor.endNewSince(agent.pid!, 1)).toBe(0);
    expect(await supervisor.endTree(agent.pid!)).toBeGreaterThanOrEqual(1);
    expect(await supervisor.openMarkCount()).toBe(0);
  });
});
