// How long an agent takes before a thread's first turn can run: spawn + initialize, session/new and a
// first "hello" prompt, each agent on a local scripted model API. Medians of 3 starts, and the ratio
// to the demo agent measured in the same run. `npm run bench -- agent-startup`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findAgentDefinition } from '../src/agents/index.js';
import { startScriptedAnthropicServer } from '../src/agents/testing/scripted-anthropic-server.js';
import { startScriptedGeminiServer } from '../src/agents/testing/scripted-gemini-server.js';
import { AgentConnection } from '../src/hub/turns/agent-connection.js';
import { startAgentProcess } from '../src/hub/turns/agent-process.js';

const RUNS = 3;
type Timing = { start: number; session: number; prompt: number };

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

async function timeOnce(agentId: string, modelEnv: Record<string, string>): Promise<Timing> {
  const definition = findAgentDefinition(agentId)!;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-startup-'));
  const env = { ...process.env, ...definition.prepareEnvironment({ stateDir: folder }), ...modelEnv };
  const t0 = performance.now();
  const agent = await startAgentProcess(definition.resolveLaunch()!, { cwd: folder, env }, { onUpdate() {}, onPermission: async () => ({ outcome: { outcome: 'cancelled' } }) });
  try {
    const t1 = performance.now();
    const connection = new AgentConnection(agent);
    const { sessionId } = await connection.newSession(folder);
    const t2 = performance.now();
    await connection.prompt(sessionId, [{ type: 'text', text: 'hello' }]);
    return { start: t1 - t0, session: t2 - t1, prompt: performance.now() - t2 };
  } finally {
    agent.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

export default async function agentStartupBench(): Promise<void> {
  const anthropic = await startScriptedAnthropicServer(() => [{ type: 'text', text: 'hi' }]);
  const gemini = await startScriptedGeminiServer(() => [{ type: 'text', text: 'hi' }]);
  const modelEnv = { ANTHROPIC_BASE_URL: anthropic.baseUrl, ANTHROPIC_API_KEY: 'bench', GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, GEMINI_API_KEY: 'bench' };
  try {
    let demoTotal = 0;
    for (const agentId of ['demo', 'claude', 'gemini']) {
      if (!findAgentDefinition(agentId)!.resolveLaunch()) {
        console.log(`agent-startup ${agentId}: not installed, skipped`);
        continue;
      }
      const timings: Timing[] = [];
      for (let run = 0; run < RUNS; run += 1) timings.push(await timeOnce(agentId, modelEnv));
      const [start, session, prompt] = (['start', 'session', 'prompt'] as const).map((key) => median(timings.map((timing) => timing[key])));
      const total = start + session + prompt;
      if (agentId === 'demo') demoTotal = total;
      console.log(`agent-startup ${agentId}: spawn+initialize ${start.toFixed(0)} ms, session/new ${session.toFixed(0)} ms, first prompt ${prompt.toFixed(0)} ms, total ${total.toFixed(0)} ms (${(total / demoTotal).toFixed(1)}x demo)`);
    }
  } finally {
    await anthropic.close();
    await gemini.close();
  }
}
