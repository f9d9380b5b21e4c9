import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentRows, createThread, rowText, sendText, updatesOf, watchTurn } from '../turns/testing/turn-test-helpers.js';
import { containerOwner } from './container-launcher.js';
import { containersOf, prepareTestRootfs, startContainerHub, testContainerSettings, usePodmanConf } from './testing/container-hub.js';

usePodmanConf();

describe('the demo agent in a project container (real podman)', () => {
  const prepared = prepareTestRootfs();
  let setup: Awaited<ReturnType<typeof startContainerHub>>;

  beforeAll(async () => {
    setup = await startContainerHub(testContainerSettings(prepared.rootfs));
  });
  afterAll(async () => {
    await setup?.close();
    prepared.remove();
  });

  it('runs a turn inside the container named after the project and mode; paths are shown relative to the project', async () => {
    writeFileSync(path.join(setup.dirs.root, 'hello.txt'), 'hi\n');
    const threadKey = await createThread(setup.client, { agent: 'demo', sessionMode: 'full-access' });
    const { turnId } = await sendText(setup.client, threadKey, 'command');
    const turn = watchTurn(setup.client, turnId);
    expect(await turn.done(60_000)).toBe('completed');
    expect(await containersOf(containerOwner(realpathSync(setup.dirs.stateDir)))).toEqual([`codex-chat-${setup.projectId}-full-access`]);
    const command = updatesOf(turn.events, 'tool_call')[0] as { rawInput: { cwd: string } };
    expect(command.rawInput.cwd).toBe('.');
    const output = updatesOf(turn.events, 'tool_call_update').map((update) => JSON.stringify(update)).join('');
    expect(output).toContain('hello.txt');
    expect(rowText((await agentRows(setup.client, threadKey))[0])).toContain('That was the listing.');
  });
});
