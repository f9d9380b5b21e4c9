import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PlanEntry } from '@agentclientprotocol/sdk';
import type { DemoTurn } from './demo-turn.js';

/** A scripted behaviour of the demo agent, chosen by a keyword of the prompt. */
type Behaviour = { keyword: string; summary: string; run: (turn: DemoTurn, prompt: string) => Promise<void> };

const CONTEXT_WINDOW = 128_000;

async function plan(turn: DemoTurn, statuses: PlanEntry['status'][]): Promise<void> {
  const steps = ['Look at the workspace', 'Edit demo-notes.md', 'Summarise'];
  const entries = steps.map((content, index) => ({ content, priority: 'medium' as const, status: statuses[index] ?? 'pending' }));
  await turn.send({ sessionUpdate: 'plan', entries });
}

async function usage(turn: DemoTurn, used: number): Promise<void> {
  await turn.send({ sessionUpdate: 'usage_update', used, size: CONTEXT_WINDOW, cost: { amount: used / 1e6, currency: 'USD' } });
}

async function full(turn: DemoTurn, prompt: string): Promise<void> {
  await turn.say('Let me look at the workspace first, then take a note of your request.', 'agent_thought_chunk');
  await plan(turn, ['in_progress', 'pending', 'pending']);
  await turn.runCommand("ls -la && printf '\\033[32mgreen\\033[0m and \\033[1;31mbold red\\033[0m\\n'", 'List files');
  await usage(turn, 12_400);
  await plan(turn, ['completed', 'in_progress', 'pending']);
  await turn.say('I listed the files. Now I will note your request in demo-notes.md.');
  const wrote = await turn.editFile('demo-notes.md', (oldText) => `${oldText ?? '# Demo notes\n'}- ${prompt.replace(/\s+/g, ' ').slice(0, 200)}\n`);
  await plan(turn, ['completed', 'completed', 'completed']);
  await usage(turn, 15_800);
  await turn.say(wrote ? 'Done: demo-notes.md has a new line.' : 'I left demo-notes.md unchanged, as you asked.');
}

const HOSTILE_TEXT =
  'Hostile output test: <script>alert("x")</script> <img src=x onerror="alert(1)"> ' +
  '[click me](javascript:alert(1)) <a href="javascript:alert(2)">link</a>';

async function hostile(turn: DemoTurn): Promise<void> {
  await turn.say(HOSTILE_TEXT);
  await turn.runCommand(`printf '%s\\n' '<script>alert(3)</script>' '<img src=x onerror=alert(4)>'`, '<b onmouseover=alert(5)>echo</b>');
  await turn.editFile('<img src=x onerror=alert(6)>.md', () => '<script>alert(7)</script>\n[x](javascript:alert(8))\n');
}

const REVIEW_FILE = 'demo-review.md';
const REVIEW_SEED = `# Demo review\n${Array.from({ length: 11 }, (_, index) => `line ${index + 1}`).join('\n')}\n`;

/** Rewrites demo-review.md in two places far apart (two hunks), creating it first when absent. */
async function editTwoPlaces(turn: DemoTurn): Promise<void> {
  if (!existsSync(path.join(turn.session.cwd, REVIEW_FILE)) && !(await turn.editFile(REVIEW_FILE, () => REVIEW_SEED))) {
    return turn.say(`Edit rejected; ${REVIEW_FILE} was not created.`);
  }
  const wrote = await turn.editFile(REVIEW_FILE, (old) => {
    const lines = (old ?? REVIEW_SEED).split('\n');
    const last = lines.length - (lines.at(-1) === '' ? 2 : 1);
    lines[1] = `${lines[1]} (changed at the top)`;
    lines[last] = `${lines[last]} (changed at the bottom)`;
    return lines.join('\n');
  });
  await turn.say(wrote ? `Edited ${REVIEW_FILE} in two places.` : 'Edit rejected; nothing written.');
}

async function slow(turn: DemoTurn): Promise<void> {
  await turn.say('Running a slow command (sleep 60); interrupt me.');
  await turn.runCommand('sleep 60', 'sleep 60');
  await turn.say('The slow command finished.');
}

async function stubborn(turn: DemoTurn): Promise<void> {
  await turn.say('I am stubborn: I ignore session/cancel for 60 seconds.');
  // The stubborn turn's signal never aborts (see main.ts), so this only ends by kill or after 60 s.
  await turn.pause(60_000);
  await turn.say('Stubborn turn done.');
}

async function burst(turn: DemoTurn): Promise<void> {
  const messageId = turn.nextId('burst');
  for (let index = 0; index < 200; index += 1) {
    // Epoch ms with sub-ms precision, comparable with the hub's clock on the same machine.
    const sentAt = performance.timeOrigin + performance.now();
    await turn.send({ sessionUpdate: 'agent_message_chunk', messageId, content: { type: 'text', text: `${index} ` }, _meta: { sentAt } });
    if (index % 10 === 9) await turn.pause(5);
  }
}

export const BEHAVIOURS: Behaviour[] = [
  { keyword: 'help', summary: 'list what the demo agent can do', run: async (turn) => turn.say(helpText()) },
  { keyword: 'hello', summary: 'reasoning, then one short message', run: async (turn) => { await turn.say('The user greets me.', 'agent_thought_chunk'); await turn.say('Hello! I am the demo agent. Send `help` to see what I can do.'); } },
  { keyword: 'quick', summary: 'one message at once (benchmarks)', run: async (turn, prompt) => turn.send({ sessionUpdate: 'agent_message_chunk', messageId: turn.nextId('msg'), content: { type: 'text', text: `ok: ${prompt.slice(0, 80)}` } }) },
  { keyword: 'pid', summary: 'say my process id (shows when the hub restarted me)', run: async (turn) => turn.say(`My process id is ${process.pid}.`) },
  { keyword: 'burst', summary: 'stream 200 message chunks stamped with their send time (benchmarks)', run: burst },
  { keyword: 'messages', summary: 'three separate agent messages', run: async (turn) => { for (const part of ['First message.', 'Second message.', 'Third message.']) await turn.say(part); } },
  { keyword: 'command', summary: 'run a real shell command with coloured output', run: async (turn) => { await turn.runCommand("ls -la; printf '\\033[34mblue\\033[0m\\n'", 'ls -la'); await turn.say('That was the listing.'); } },
  { keyword: 'edit', summary: 'ask permission, then edit demo-notes.md (a real diff)', run: async (turn, prompt) => { const wrote = await turn.editFile('demo-notes.md', (old) => `${old ?? '# Demo notes\n'}- ${prompt.slice(0, 120)}\n`); await turn.say(wrote ? 'Edited demo-notes.md.' : 'Edit rejected; nothing written.'); } },
  { keyword: 'edit2', summary: 'ask permission, then change demo-review.md in two places (two hunks)', run: editTwoPlaces },
  { keyword: 'plan', summary: 'post a plan and update its statuses', run: async (turn) => { await plan(turn, ['in_progress']); await plan(turn, ['completed', 'in_progress']); await plan(turn, ['completed', 'completed', 'completed']); } },
  { keyword: 'slow', summary: 'run `sleep 60`; honours interrupt', run: slow },
  { keyword: 'stubborn', summary: 'ignore interrupt for 60 s (the hub must kill it)', run: stubborn },
  { keyword: 'crash', summary: 'exit the agent process mid-turn', run: async (turn) => { await turn.say('About to crash.'); process.stderr.write('demo agent: crashing on purpose\n'); process.exit(3); } },
  { keyword: 'hostile', summary: 'script tags, event handlers and javascript: links everywhere', run: hostile },
  { keyword: 'full', summary: 'the default: reasoning, plan, command, permission + edit, messages, usage', run: full },
];

/** The help text (prompt `help`). */
export function helpText(): string {
  const lines = BEHAVIOURS.map((behaviour) => `- \`${behaviour.keyword}\`: ${behaviour.summary}`);
  return ['I am the offline demo agent. The first keyword of your prompt picks what I do:', ...lines, 'Anything else runs `full`.'].join('\n');
}

/** The behaviour whose keyword appears first in the prompt; `full` when none does. */
export function pickBehaviour(prompt: string): Behaviour {
  const lowered = prompt.toLowerCase();
  let best: { behaviour: Behaviour; index: number } | undefined;
  for (const behaviour of BEHAVIOURS) {
    const match = new RegExp(`\\b${behaviour.keyword}\\b`).exec(lowered);
    if (match && (!best || match.index < best.index)) best = { behaviour, index: match.index };
  }
  return best?.behaviour ?? BEHAVIOURS[BEHAVIOURS.length - 1];
}
