// `codex-chat agents install <agent...> [--global] [--state-dir DIR]`: installs an agent's npm
// package on demand, into `<stateDir>/agent-packages` (found there by findProgram) or globally.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findAgentDefinition, type AgentPackage } from '../agents/index.js';

export const AGENTS_INSTALL_USAGE = `Usage: codex-chat agents install <claude|gemini|codex>... [--global] [--state-dir DIR]
  Installs the agent's npm package into DIR/agent-packages (default state dir:
  ~/.local/state/codex-chat, as for the hub), or with --global into npm's global folder.`;

type InstallRequest = { packages: Array<{ id: string; package: AgentPackage }>; global: boolean; stateDir: string };

/** The default state dir, the same as the hub's (see cli-args.ts). */
function defaultStateDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.XDG_STATE_HOME ?? path.join(os.homedir(), '.local/state'), 'codex-chat');
}

/** Reads `install <ids> [--global] [--state-dir DIR]`; throws a readable error for bad input. */
export function parseAgentsInstallArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): InstallRequest {
  const [command, ...rest] = argv;
  if (command !== 'install') throw new Error(`unknown agents command ${JSON.stringify(command ?? '')}`);
  const request: InstallRequest = { packages: [], global: false, stateDir: defaultStateDir(env) };
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index];
    if (argument === '--global') request.global = true;
    else if (argument === '--state-dir') {
      const value = rest[(index += 1)];
      if (!value) throw new Error('--state-dir needs a folder');
      request.stateDir = path.resolve(cwd, value);
    } else {
      const definition = findAgentDefinition(argument);
      if (!definition) throw new Error(`unknown agent ${JSON.stringify(argument)}`);
      if (!definition.package) throw new Error(`${definition.label} is built in; there is nothing to install`);
      request.packages.push({ id: definition.id, package: definition.package });
    }
  }
  if (request.packages.length === 0) throw new Error('name the agent(s) to install');
  return request;
}

/** npm's arguments for the request (package names only; nothing secret goes on a command line). */
export function npmInstallArgs(request: InstallRequest): string[] {
  const specs = request.packages.map(({ package: agentPackage }) => `${agentPackage.name}@${agentPackage.version}`);
  const where = request.global ? ['--global'] : ['--prefix', path.join(request.stateDir, 'agent-packages')];
  return ['install', ...where, '--no-audit', '--no-fund', ...specs];
}

function runNpm(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`codex-chat: could not run npm: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** Runs `agents ...`; returns the process exit code (2 for bad arguments). */
export async function runAgentsInstall(argv: string[]): Promise<number> {
  let request: InstallRequest;
  try {
    request = parseAgentsInstallArgs(argv);
  } catch (error) {
    console.error(`codex-chat agents: ${(error as Error).message}\n${AGENTS_INSTALL_USAGE}`);
    return 2;
  }
  if (!request.global) mkdirSync(path.join(request.stateDir, 'agent-packages'), { recursive: true, mode: 0o700 });
  const names = request.packages.map(({ package: agentPackage }) => `${agentPackage.name}@${agentPackage.version}`).join(', ');
  console.log(`codex-chat: installing ${names} ${request.global ? 'globally' : `into ${path.join(request.stateDir, 'agent-packages')}`} (Claude is about 400 MB, Gemini about 100 MB)`);
  const code = await runNpm(npmInstallArgs(request));
  if (code !== 0) console.error(`codex-chat: npm install failed (exit ${code}); without network access the agents cannot be installed.`);
  else console.log(`codex-chat: installed; the hub finds ${request.packages.map(({ id }) => id).join(', ')} on its next agents.list.`);
  return code;
}
