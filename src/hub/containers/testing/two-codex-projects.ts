// The setup both codex-in-container test files share: one prepared root, the scripted model
// server, and two project hubs whose codex has the test key; all removed after the file.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { startScriptedResponsesServer, type ScriptedResponsesServer } from '../../../agents/testing/scripted-responses-server.js';
import { containerCodexHome, containerScript, TEST_KEY } from './codex-in-container.js';
import { prepareTestRootfs, startContainerHub, testContainerSettings } from './container-hub.js';

export type ContainerHub = Awaited<ReturnType<typeof startContainerHub>>;
export type TwoCodexProjects = { server: ScriptedResponsesServer; envHome: string; projectA: ContainerHub; projectB: ContainerHub };

/** Registers the file's beforeAll / afterAll; the returned object is filled before the first test. */
export function useTwoCodexProjects(prepare?: (setup: TwoCodexProjects) => void): TwoCodexProjects {
  const prepared = prepareTestRootfs();
  const setup = {} as TwoCodexProjects;
  beforeAll(async () => {
    setup.server = await startScriptedResponsesServer(containerScript);
    setup.envHome = containerCodexHome(setup.server.baseUrl);
    [setup.projectA, setup.projectB] = await Promise.all([startContainerHub(testContainerSettings(prepared.rootfs)), startContainerHub(testContainerSettings(prepared.rootfs))]);
    // Before signing in: that starts the first container, which sees the folders as they are then.
    prepare?.(setup);
    for (const project of [setup.projectA, setup.projectB]) {
      expect((await project.client.call('agents.authenticate', { agent: 'codex', methodId: 'api-key', apiKey: TEST_KEY })).ok).toBe(true);
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all([setup.projectA?.close(), setup.projectB?.close()]);
    await setup.server?.close();
    if (setup.envHome) rmSync(setup.envHome, { recursive: true, force: true });
    prepared.remove();
  });
  return setup;
}
