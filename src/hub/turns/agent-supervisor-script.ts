// The agent supervisor's program, run as `node -e SUPERVISOR_SCRIPT`. It is plain CommonJS in a
// string on purpose: it must start in a few tens of ms with the bare Node of the hub, from a source
// checkout (where the hub runs through tsx) and from the esbuild bundle alike, without a loader or a
// build step. Keep it self-contained (only `fs` and `process`).
//
// What it does (Linux, through /proc): it remembers every descendant of each watched agent (walking
// the ppid links of /proc/*/stat, since codex starts commands in their own sessions), polling every
// POLL_MS, and kills them (SIGKILL, the process and, for group leaders, their group; the agent's own
// group too, as each agent is spawned as a group leader) when the agent
// exits, when the hub asks, and when its stdin closes: the hub died, even by SIGKILL. It never kills a
// process that is not a descendant of a watched agent (pid and start time must both match).
//
// Requests (stdin, one JSON per line) and replies (stdout, `{"id", "result"}`):
//   {op:"watch", pid}                  remember the agent and its descendants
//   {op:"end", pid, id}                kill the agent, its descendants and the ones seen before
//   {op:"mark", pid, id}               -> a mark id: the agent's descendants now
//   {op:"endNew", pid, mark, id}       -> how many: kills the descendants not in the mark
export const SUPERVISOR_SCRIPT = String.raw`// codex-chat agent supervisor (ends the agents' process trees when the hub dies)
'use strict';
const fs = require('fs');
const POLL_MS = Number(process.argv[1]) || 250;
const agents = new Map();
// One mark per agent (its running turn's): a newer mark replaces it and the agent's end drops it, so
// turns that end without an interrupt (no endNew) leave nothing behind.
const marks = new Map();
let markCounter = 0;

function readTable() {
  const table = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(name)) continue;
    let stat;
    try { stat = fs.readFileSync('/proc/' + name + '/stat', 'utf8'); } catch (error) { continue; }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.set(Number(name), { ppid: Number(fields[1]), pgid: Number(fields[2]), start: fields[19] });
  }
  return table;
}

function descendants(table, roots) {
  const children = new Map();
  for (const [pid, entry] of table) {
    if (!children.has(entry.ppid)) children.set(entry.ppid, []);
    children.get(entry.ppid).push(pid);
  }
  const found = new Map();
  const queue = [...roots];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) || []) {
      if (found.has(child)) continue;
      found.set(child, table.get(child).start);
      queue.push(child);
    }
  }
  return found;
}

function signal(target) {
  try { process.kill(target, 'SIGKILL'); } catch (error) { /* already gone */ }
}

function killAll(table, targets) {
  for (const [pid, start] of targets) {
    const entry = table.get(pid);
    if (!entry || entry.start !== start) continue;
    signal(pid);
    if (entry.pgid === pid) signal(-pid);
  }
  return targets.size;
}

function alive(table, pid, start) {
  const entry = table.get(pid);
  return entry !== undefined && entry.start === start;
}

function record(table, pid, agent) {
  for (const [seenPid, start] of agent.seen) if (!alive(table, seenPid, start)) agent.seen.delete(seenPid);
  for (const [child, start] of descendants(table, [pid])) agent.seen.set(child, start);
}

function end(table, pid) {
  const agent = agents.get(pid);
  if (!agent) return 0;
  agents.delete(pid);
  marks.delete(pid);
  const targets = new Map(agent.seen);
  if (alive(table, pid, agent.start)) targets.set(pid, agent.start);
  const living = [...targets.keys()].filter((target) => alive(table, target, targets.get(target)));
  for (const [child, start] of descendants(table, living)) targets.set(child, start);
  const ended = killAll(table, targets);
  // The agent leads its own process group: what is left of it (a command that had no time to be
  // seen) goes too. Linux does not reuse a pid while a group of that id exists, so this is ours.
  signal(-pid);
  return ended;
}

function handle(request) {
  const table = readTable();
  const agent = agents.get(request.pid);
  switch (request.op) {
    case 'watch': {
      const entry = table.get(request.pid);
      if (entry) agents.set(request.pid, { start: entry.start, seen: new Map() });
      if (entry) record(table, request.pid, agents.get(request.pid));
      return null;
    }
    case 'end':
      return end(table, request.pid);
    case 'mark': {
      markCounter += 1;
      marks.set(request.pid, { id: markCounter, before: new Set([...descendants(table, [request.pid])].map(([pid, start]) => pid + ':' + start)) });
      if (agent) record(table, request.pid, agent);
      return markCounter;
    }
    case 'endNew': {
      const mark = marks.get(request.pid);
      if (!mark || mark.id !== request.mark) return 0; // a later turn's mark, or the agent ended: nothing of this turn to tell apart
      marks.delete(request.pid);
      const before = mark.before;
      const fresh = new Map([...descendants(table, [request.pid])].filter(([pid, start]) => !before.has(pid + ':' + start)));
      return killAll(table, fresh);
    }
    case 'openMarks':
      return marks.size;
    default:
      return null;
  }
}

function poll() {
  if (agents.size === 0) return;
  const table = readTable();
  for (const [pid, agent] of agents) {
    if (alive(table, pid, agent.start)) record(table, pid, agent);
    else end(table, pid);
  }
}

function endEverything() {
  const table = readTable();
  for (const pid of [...agents.keys()]) end(table, pid);
  process.exit(0);
}

// The hub's Ctrl-C or hang-up is the hub's business: this process ends its agents when the hub is gone.
process.on('SIGINT', () => {});
process.on('SIGHUP', () => {});
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  let newline;
  while ((newline = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, newline);
    buffered = buffered.slice(newline + 1);
    let request;
    try { request = JSON.parse(line); } catch (error) { continue; }
    const result = handle(request);
    if (request.id !== undefined) process.stdout.write(JSON.stringify({ id: request.id, result: result }) + '\n');
  }
});
process.stdin.on('end', endEverything);
process.stdin.on('error', endEverything);
process.stdout.on('error', () => {});
setInterval(poll, POLL_MS);
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
`;
