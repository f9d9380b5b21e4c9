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

/** The bwrap codex uses: the system's on PATH, else the one it bundles. */
function bwrapPath(vendor: string | undefined): string | undefined {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((folder) => path.join(folder, 'bwrap')).find((file) => existsSync(file));
  const bundled = vendor ? path.join(vendor, 'codex-resources', 'bwrap') : undefined;
  return onPath ?? (bundled && existsSync(bundled) ? bundled : undefined);
}

let probed: Promise<CodexSandboxProbe> | undefined;

/**
 * Whether bwrap can build codex's sandbox here: the same check codex makes (a user and network
 * namespace over a read-only root running /bin/true). Probed once per hub process, in ~10 ms.
 */
export function probeCodexSandbox(): Promise<CodexSandboxProbe> {
  probed ??= new Promise((resolve) => {
    if (process.platform !== 'linux') return resolve({ available: true });
    const bwrap = bwrapPath(codexVendorDir());
    if (!bwrap) return resolve({ available: false, reason: 'bubblewrap (bwrap) was not found' });
    execFile(bwrap, ['--unshare-user', '--unshare-net', '--ro-bind', '/', '/', '/bin/true'], { timeout: 5_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve({ available: true });
      const reason = stderr.trim().split('\n')[0] || error.message;
      resolve({ available: false, reason: `${path.basename(bwrap)} cannot create its namespaces here (${reason})` });
    });
  });
  return probed;
}

let lastProbe: CodexSandboxProbe | undefined;

/** The probe's answer once known (undefined until then; the first call starts the probe), for agents.list. */
export function codexSandboxStatus(): CodexSandboxProbe | undefined {
  const current = probeCodexSandbox();
  void current.then((result) => {
    if (probed === current) lastProbe = result; // not a probe forgotten since
  });
  return lastProbe;
}

/** Forgets the probe (tests that change the environment). */
export function forgetCodexSandboxProbe(): void {
  probed = undefined;
  lastProbe = undefined;
}

/** The notice for a command whose output shows the sandbox did not start, else undefined. */
export function codexSandboxFailureNotice(output: string): string | undefined {
  const line = /^bwrap: .*$/m.exec(output)?.[0] ?? /^.*Codex's Linux sandbox uses bubblewrap.*$/m.exec(output)?.[0];
  return line ? `Codex's sandbox could not start here: ${line.trim()}. Commands of the read-only and workspace-write modes cannot run on this machine; full access runs them without a sandbox.` : undefined;
}
