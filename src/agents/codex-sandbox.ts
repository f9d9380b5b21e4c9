// Codex's Linux sandbox, made to work where it can and reported plainly where it cannot.
//
// Why it broke: in read-only and workspace-write, codex runs each command as
// `bwrap ... -- codex-linux-sandbox ...`, and bwrap looks `codex-linux-sandbox` up on PATH. That name
// is an alias of the codex binary itself (it dispatches on argv[0]) which codex links at start-up in
// `$CODEX_HOME/tmp/arg0-linux/` and puts on its PATH, except when CODEX_HOME lies under the temp
// dir (/tmp, $TMPDIR): codex then refuses ("Refusing to create helper binaries under temporary
// dir") and every sandboxed command fails with `bwrap: execvp codex-linux-sandbox: No such file or
// directory`. A thread's throwaway HOME is usually there. The fix: the hub keeps its own alias (a
// symlink to the codex binary of the installed codex-acp) in the state dir and puts it on the agent's
// PATH. Where bwrap cannot create namespaces at all, nothing helps: the probe says so up front.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findProgram } from './find-program.js';

const HELPER_NAME = 'codex-linux-sandbox';
const TARGETS: Record<string, string> = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

/** Whether Codex's sandbox can run commands here, and if not, why (for agents.list and the UI). */
export type CodexSandboxProbe = { available: boolean; reason?: string };

/** The vendor folder of the codex binary codex-acp runs (`@openai/codex-linux-<arch>`), or undefined. */
function codexVendorDir(stateDir?: string): string | undefined {
  const target = TARGETS[process.arch];
  const codexAcp = findProgram('codex-acp', stateDir);
  if (process.platform !== 'linux' || !target || !codexAcp) return undefined;
  try {
    const codexPackage = createRequire(realpathSync(codexAcp)).resolve('@openai/codex/package.json');
    const platformPackage = createRequire(codexPackage).resolve(`@openai/codex-linux-${process.arch}/package.json`);
    const vendor = path.join(path.dirname(platformPackage), 'vendor', target);
    return existsSync(path.join(vendor, 'bin', 'codex')) ? vendor : undefined;
  } catch {
    return undefined; // another layout (a codex on PATH): codex's own alias is all there is
  }
}

/** Links `<stateDir>/agents/codex/bin/codex-linux-sandbox` to `binary` (replacing a stale link); the folder. */
function ensureHelperLink(stateDir: string, binary: string): string {
  const folder = path.join(stateDir, 'agents', 'codex', 'bin');
  const link = path.join(folder, HELPER_NAME);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (safeReadlink(link) !== binary) {
    const fresh = `${link}.${process.pid}`;
    rmSync(fresh, { force: true });
    symlinkSync(binary, fresh);
    renameSync(fresh, link); // atomic: a codex starting now sees the old link or the new one
  }
  return folder;
}

function safeReadlink(link: string): string | undefined {
  try {
    return readlinkSync(link);
  } catch {
    return undefined; // no link yet
  }
}

/**
 * The agent's PATH with the hub's `codex-linux-sandbox` alias first, for the codex adapter's
 * environment; {} where there is no Linux codex binary to link (codex's own alias then applies).
 */
export function codexSandboxEnvironment(stateDir: string): Record<string, string> {
  const vendor = codexVendorDir(stateDir);
  if (!vendor) return {};
  try {
    const folder = ensureHelperLink(stateDir, path.join(vendor, 'bin', 'codex'));
    return { PATH: [folder, process.env.PATH ?? ''].filter(Boolean).join(path.delimiter) };
  } catch (error) {
    console.error(`[agents/codex] could not link ${HELPER_NAME} in the state dir: ${(error as Error).message}`);
    return {};
  }
}

/** The bwraps codex may use, in its order: the system's on PATH, then the one it bundles. */
function bwrapCandidates(vendor: string | undefined): BwrapCandidate[] {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((folder) => path.join(folder, 'bwrap')).find((file) => existsSync(file));
  const bundled = vendor ? path.join(vendor, 'codex-resources', 'bwrap') : undefined;
  return [
    ...(onPath ? [{ name: 'the system bwrap', file: onPath }] : []),
    ...(bundled && existsSync(bundled) ? [{ name: "codex's bundled bwrap", file: bundled }] : []),
  ];
}

/** A bwrap to try, with a name for messages (no host paths in what a browser gets). */
export type BwrapCandidate = { name: string; file: string };

/** Runs codex's own check with one bwrap (a user and network namespace over a read-only root, /bin/true); the failure, if any. */
function tryBwrap(bwrap: BwrapCandidate): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(bwrap.file, ['--unshare-user', '--unshare-net', '--ro-bind', '/', '/', '/bin/true'], { timeout: 5_000 }, (error, _stdout, stderr) => {
      resolve(error ? `${bwrap.name}: ${stderr.trim().split('\n')[0] || error.message}` : undefined);
    });
  });
}

/**
 * Whether some bwrap can build codex's sandbox here. Codex falls back to its bundled bwrap when the
 * system's fails its check, so the sandbox is unavailable only when every candidate fails.
 */
export async function probeBwrap(candidates: BwrapCandidate[]): Promise<CodexSandboxProbe> {
  if (candidates.length === 0) return { available: false, reason: 'bubblewrap (bwrap) was not found' };
  const failures: string[] = [];
  for (const bwrap of candidates) {
    const failure = await tryBwrap(bwrap);
    if (!failure) return { available: true };
    failures.push(failure);
  }
  return { available: false, reason: `bubblewrap cannot create its namespaces here (${failures.join('; ')})` };
}

let probed: Promise<CodexSandboxProbe> | undefined;

/** The probe of this hub process (run once, ~10 ms; not on Linux there is no bwrap sandbox to probe). */
export function probeCodexSandbox(): Promise<CodexSandboxProbe> {
  probed ??= process.platform === 'linux' ? probeBwrap(bwrapCandidates(codexVendorDir())) : Promise.resolve({ available: true });
  return probed;
}

let lastProbe: CodexSandboxProbe | undefined;

/** The probe's answer once known (undefined until then; the first call starts the probe), for agents.list. */
export function codexSandboxStatus(): CodexSandboxProbe | undefined {
  void probeCodexSandbox().then((result) => (lastProbe = result));
  return lastProbe;
}
