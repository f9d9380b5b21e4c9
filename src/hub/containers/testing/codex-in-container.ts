// The real codex-acp in project containers on the scripted model: the model server listens on the
// host's 127.0.0.1 and the containers reach it as 10.0.2.2 (network 'host-loopback'); the key
// travels the container's way (authenticate, auth.json on the tmpfs), so the provider uses it with
// `requires_openai_auth` rather than an environment variable.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScriptedItem, ScriptedRequest } from '../../../agents/testing/scripted-responses-server.js';

export const TEST_KEY = 'sk-test-container-key-0123456789';

/** A thread HOME whose `.codex/config.toml` points codex at the scripted server as seen from a container. */
export function containerCodexHome(baseUrl: string): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-container-home-'));
  mkdirSync(path.join(home, '.codex'));
  const url = baseUrl.replace('127.0.0.1', '10.0.2.2');
  const config = ['model = "gpt-5.5"', 'model_provider = "scripted"', '', '[model_providers.scripted]', 'name = "scripted"', `base_url = "${url}"`, 'wire_api = "responses"', 'requires_openai_auth = true', ''];
  writeFileSync(path.join(home, '.codex', 'config.toml'), config.join('\n'));
  return home;
}

/** The scripted model of the container tests: `run: CMD` runs CMD; after a tool result it sums up. */
export function containerScript(request: ScriptedRequest): ScriptedItem[] {
  if (request.afterToolOutput) return [{ type: 'message', text: 'Command finished.' }];
  const command = /run: ([\s\S]*)$/.exec(request.userText)?.[1];
  if (command) return [{ type: 'exec', cmd: command, timeoutMs: 120_000 }];
  return [{ type: 'message', text: 'ok' }];
}
