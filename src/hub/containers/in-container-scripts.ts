// Scripts the hub runs inside a project container (as `sh -c` / `node -e` arguments: they carry
// no secret, so the command line may show them).
import { CONTAINER_HOME, CONTAINER_RUN_DIR } from './container-settings.js';

/**
 * The agent's entry: `sh -c ENTRY codex-chat-agent RUN KEY_ENV PROFILE -- COMMAND ARGS...`.
 * Records its pid (kept by `exec`) for the kill, reads the API key from the first line of stdin
 * (never argv or the podman client's environment), writes it as a 0600 file on the /run tmpfs and
 * points the agent at it: Codex gets a CODEX_HOME on the tmpfs with `auth.json` (its sessions and
 * config stay in the project's agent home); other agents get KEY_ENV read from the file. Then the
 * rest of stdin is the agent's ACP.
 */
export const AGENT_ENTRY_SCRIPT = `set -e
run=$1 key_env=$2 profile=$3
shift 4
mkdir -p -m 700 ${CONTAINER_RUN_DIR}
echo $$ > ${CONTAINER_RUN_DIR}/agent-$run.pid
IFS= read -r key || true
if [ "$profile" = codex ]; then
  export CODEX_HOME=${CONTAINER_RUN_DIR}/codex-$run CODEX_SQLITE_HOME=${CONTAINER_HOME}/.codex
  mkdir -p -m 700 "$CODEX_HOME" ${CONTAINER_HOME}/.codex/sessions
  ln -sfn ${CONTAINER_HOME}/.codex/sessions "$CODEX_HOME/sessions"
  if [ -f ${CONTAINER_HOME}/.codex/config.toml ]; then ln -sfn ${CONTAINER_HOME}/.codex/config.toml "$CODEX_HOME/config.toml"; fi
fi
if [ -n "$key" ]; then
  umask 077
  printf '%s' "$key" > ${CONTAINER_RUN_DIR}/key-$run
  if [ "$profile" = codex ]; then printf '{"OPENAI_API_KEY":"%s"}' "$key" > "$CODEX_HOME/auth.json"
  elif [ -n "$key_env" ]; then export "$key_env=$(cat ${CONTAINER_RUN_DIR}/key-$run)"; fi
  umask 022
fi
key=
exec "$@"`;

/**
 * Ends an agent's processes inside the container: `node -e KILL all RUN` the agent and all its
 * descendants, `node -e KILL since RUN TICKS` only descendants started after TICKS (clock ticks since
 * boot: the commands of a cancelled turn). Stops them all first so none forks away, then kills;
 * prints how many. `all` also removes the agent's pid file, key file and tmpfs CODEX_HOME.
 */
export const KILL_TREE_SCRIPT = `const fs = require('fs');
const [mode, run, since] = process.argv.slice(1);
let root;
try { root = Number(fs.readFileSync('${CONTAINER_RUN_DIR}/agent-' + run + '.pid', 'utf8')); } catch { console.log(0); process.exit(0); }
const table = fs.readdirSync('/proc').filter((name) => /^[0-9]+$/.test(name)).flatMap((name) => {
  try {
    const stat = fs.readFileSync('/proc/' + name + '/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [{ pid: Number(name), ppid: Number(fields[1]), start: Number(fields[19]) }];
  } catch { return []; }
});
const tree = [];
const walk = (pid) => table.filter((entry) => entry.ppid === pid).forEach((entry) => { tree.push(entry); walk(entry.pid); });
walk(root);
const self = table.filter((entry) => entry.pid === root);
const targets = mode === 'all' ? [...self, ...tree] : tree.filter((entry) => entry.start > Number(since));
for (const signal of ['SIGSTOP', 'SIGKILL']) for (const entry of targets) { try { process.kill(entry.pid, signal); } catch {} }
if (mode === 'all') for (const file of ['agent-' + run + '.pid', 'key-' + run, 'codex-' + run]) fs.rmSync('${CONTAINER_RUN_DIR}/' + file, { recursive: true, force: true });
console.log(targets.length);`;
