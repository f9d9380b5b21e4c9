import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ACP_API_ERROR_CODES, ACP_API_LIMITS } from '../protocol/index.js';
import { AcpApiError } from '../acp-api/index.js';

/** A UTF-16 surrogate without its pair: not encodable in UTF-8 file names. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A path checked to stay inside the workspace: its absolute form and its normalized relative form. */
export type WorkspacePath = { absolute: string; relative: string };

/** The path as quoted in an error: a very long one is cut (the client knows what it sent). */
function quoted(requested: unknown): string {
  const text = JSON.stringify(requested) ?? String(requested);
  return text.length > 200 ? `${text.slice(0, 200)}…" (${text.length} characters)` : text;
}

function refuse(requested: unknown, why: string, code: number = ACP_API_ERROR_CODES.pathOutsideWorkspace): AcpApiError {
  return new AcpApiError(code, `path ${quoted(requested)} refused: ${why}`);
}

/** Why a path is too long for the file system, checked before it reaches one (ENAMETOOLONG). */
function lengthProblem(requested: string, segments: string[]): string | undefined {
  if (requested.length > ACP_API_LIMITS.maxPathChars) return `it has ${requested.length} characters; the limit is ${ACP_API_LIMITS.maxPathChars}`;
  const long = segments.find((segment) => Buffer.byteLength(segment) > ACP_API_LIMITS.maxPathSegmentBytes);
  if (long !== undefined) return `a segment has ${Buffer.byteLength(long)} bytes; the limit is ${ACP_API_LIMITS.maxPathSegmentBytes} per file or folder name`;
  return undefined;
}

/** realpathOfExistingPart, with file-system refusals (a file used as a folder, a symlink loop) as clear errors. */
function resolvedOrRefused(requested: string, absolute: string): string {
  try {
    return realpathOfExistingPart(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw refuse(requested, 'a folder on the way is a file', ACP_API_ERROR_CODES.invalidParams);
    if (code === 'ELOOP') throw refuse(requested, 'it goes through a loop of symbolic links', ACP_API_ERROR_CODES.invalidParams);
    if (code === 'EACCES') throw refuse(requested, 'a folder on the way cannot be read by the hub', ACP_API_ERROR_CODES.invalidParams);
    if (code === 'ENAMETOOLONG') throw refuse(requested, 'it is too long for the file system', ACP_API_ERROR_CODES.invalidParams);
    throw error;
  }
}

/** The real path of `target`, or of its deepest existing ancestor joined with the rest. */
function realpathOfExistingPart(target: string): string {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = path.dirname(current);
      if (parent === current) throw error;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Resolves a client-given workspace-relative path, refusing anything that could leave the root:
 * absolute paths, `..` segments, NUL bytes, and symlinks (of the file or any folder above it) that
 * point outside. The refusal says which rule it broke.
 */
export function resolveWorkspacePath(root: string, requested: unknown, options: { extension?: string } = {}): WorkspacePath {
  if (typeof requested !== 'string' || requested.trim() === '') throw refuse(requested, 'a non-empty relative path is required');
  if (requested.includes('\0')) throw refuse(requested, 'it contains a NUL byte');
  // The file system stores a lone surrogate as U+FFFD: two names would then share one file, and the
  // hub would keep two documents of it, each overwriting the other's rows.
  if (LONE_SURROGATE.test(requested)) throw refuse(requested, 'it is not valid Unicode (a lone surrogate)', ACP_API_ERROR_CODES.invalidParams);
  if (path.isAbsolute(requested) || /^[a-zA-Z]:[\\/]/.test(requested) || requested.startsWith('\\')) {
    throw refuse(requested, 'absolute paths are not allowed; give a path relative to the workspace root');
  }
  const segments = requested.split(/[\\/]+/);
  const tooLong = lengthProblem(requested, segments);
  if (tooLong) throw refuse(requested, tooLong, ACP_API_ERROR_CODES.invalidParams);
  if (segments.includes('..')) throw refuse(requested, '".." segments are not allowed (the path must stay inside the workspace)');
  if (options.extension && !requested.endsWith(options.extension)) {
    throw refuse(requested, `only ${options.extension} files can be opened here`);
  }
  const realRoot = realpathSync(root);
  const absolute = path.join(realRoot, ...segments.filter((segment) => segment !== '' && segment !== '.'));
  const real = resolvedOrRefused(requested, absolute);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw refuse(requested, 'it goes through a symbolic link that points outside the workspace');
  }
  if (absolute === realRoot) throw refuse(requested, 'it names the workspace root itself, not a file');
  return { absolute: real, relative: path.relative(realRoot, real).split(path.sep).join('/') };
}
