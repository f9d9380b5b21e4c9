// Scenario 7: the real Codex agent (codex-acp from node_modules) on the scripted Responses-API
// server: a command and a file edit show as a terminal card and a diff card in the page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scriptedCodexConfig, startScriptedResponsesServer, type ScriptedItem, type ScriptedResponsesServer } from '../../src/agents/testing/scripted-responses-server.js';
import { agentTurns, card, createChat, openApp, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { connectHubClient } from '../fixtures/hub-client.js';
import { expect, test } from '../fixtures/test.js';

const PATCH = ['*** Begin Patch', '*** Update File: a.txt', '@@', '-content', '+content changed', '*** Add File: notes.md', '+# Notes', '+first line', '*** End Patch', ''].join('\n');

// The scripted model: the prompt picks the first reply; after a tool result it sums up.
function script(request: { userText: string; afterToolOutput: boolean }): ScriptedItem[] {
  if (request.afterToolOutput) return [{ type: 'message', text: 'The tool finished; all done.' }];
  if (request.userText.includes('scenario:run')) return [{ type: 'reasoning', text: '**Running** a command' }, { type: 'exec', cmd: "echo building; printf '\\033[32mgreen\\033[0m\\n'" }];
  if (request.userText.includes('scenario:patch')) return [{ type: 'message', text: 'Editing two files.' }, { type: 'apply_patch', patch: PATCH }];
  return [{ type: 'message', text: 'ok' }];
}

let server: ScriptedResponsesServer;
let envHome: string;
test.beforeAll(async () => {
  server = await startScriptedResponsesServer(script);
  envHome = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-e2e-codex-home-'));
  mkdirSync(path.join(envHome, '.codex'));
  writeFileSync(path.join(envHome, '.codex', 'config.toml'), scriptedCodexConfig(server.baseUrl));
});
test.afterAll(async () => {
  await server?.close();
  rmSync(envHome, { recursive: true, force: true });
});
test.use({ hubOptions: { prepare: (root) => writeFileSync(path.join(root, 'a.txt'), 'content\n') } });

test('codex-acp: a command and a file edit show as terminal and diff cards', async ({ page, hub, saveScreenshot }) => {
  // Storing the (fake) API key is set-up, not the scenario: done over the hub's API.
  const client = connectHubClient(hub);
  try {
    const auth = await client.call('agents.authenticate', { agent: 'codex', methodId: 'api-key', apiKey: 'sk-test-not-a-real-key' });
    expect(auth.ok).toBe(true);
  } finally {
    client.close();
  }

  await openApp(page, hub);
  await createChat(page, 'codex.chat');
  await startAgentThread(page, { agentLabel: /^Codex/, envHome });
  await sendMessage(page, 'scenario:run');
  const first = agentTurns(page).last();
  await waitForTurnState(first, 'completed', 180_000);
  await first.getByRole('button', { name: /Show activity/ }).click();
  const terminal = card(first, /^Command:/);
  await expect(terminal).toContainText('building');
  await expect(terminal).toContainText('green');
  await expect(first.getByLabel('Final answer')).toContainText('The tool finished; all done.');

  await sendMessage(page, 'scenario:patch');
  // The list is virtualized: the new turn is found by what it says, not by its index.
  const second = agentTurns(page).filter({ hasText: 'Editing two files.' });
  await expect(second).toBeVisible({ timeout: 180_000 });
  await waitForTurnState(second, 'completed', 180_000);
  await second.getByRole('button', { name: /Show activity/ }).click();
  const diff = card(second, /^Edit:/);
  await expect(diff).toContainText('a.txt');
  await expect(diff).toContainText('notes.md');
  await expect(diff).toContainText('content changed');
  await saveScreenshot(page, 'real-codex');
});
