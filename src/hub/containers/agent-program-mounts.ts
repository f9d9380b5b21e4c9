import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentLaunch } from '../../agents/index.js';

function hostPathOf(argument: string): string | undefined {
  const file = argument.startsWith('file://') ? fileURLToPath(argument) : argument;
  if (!path.isAbsolute(file) || !existsSync(file)) return undefined;
  return realpathSync(file);
}

function packageRootOf(file: string): string | undefined {
  for (let folder = path.dirname(file); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json'))) return folder;
  }
  return undefined;
}

/**
 * The host paths an agent's launch needs, to mount read-only at their own paths: for a program in a
 * `node_modules` (codex-acp and its codex binary, claude-agent-acp, gemini-cli, tsx) that
 * `node_modules` folder; for a script of a package (the demo agent from sources or dist) the
 * package's top folder holding it, its package.json and its node_modules; the interpreter's folder
 * otherwise (node itself is usually under /usr, a system mount).
 */
export function agentProgramMounts(launch: AgentLaunch): string[] {
  const mounts = new Set<string>();
  for (const file of [launch.command, ...launch.args].flatMap((argument) => hostPathOf(argument) ?? [])) {
    const inModules = file.indexOf(`${path.sep}node_modules${path.sep}`);
    if (inModules >= 0) {
      mounts.add(file.slice(0, inModules + `${path.sep}node_modules`.length));
      continue;
    }
    const packageRoot = packageRootOf(file);
    if (!packageRoot) {
      mounts.add(path.dirname(file));
      continue;
    }
    mounts.add(path.join(packageRoot, path.relative(packageRoot, file).split(path.sep)[0]));
    mounts.add(path.join(packageRoot, 'package.json'));
    if (existsSync(path.join(packageRoot, 'node_modules'))) mounts.add(path.join(packageRoot, 'node_modules'));
  }
  return [...mounts];
}
