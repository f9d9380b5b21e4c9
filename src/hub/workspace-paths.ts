import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import { AcpApiError } from '../acp-api/index.js';

/** A path checked to stay inside the workspace: its absolute form and its normalized relative form. */
export type WorkspacePath = { absolute: string; relative: string };

function refuse(requested: unknown, why: string): AcpApiError {
  return new AcpApiError(ACP_API_ERROR_CODES.pathOutsideWorkspace, `path ${JSON.stringify(requested)} refused: ${why}`);
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
  if (path.isAbsolute(requested) || /^[a-zA-Z]:[\\/]/.test(requested) || requested.startsWith('\\')) {
    throw refuse(requested, 'absolute paths are not allowed; give a path relative to the workspace root');
  }
  const segments = requested.split(/[\\/]+/);
  if (segments.includes('..')) throw refuse(requested, '".." segments are not allowed (the path must stay inside the workspace)');
  if (options.extension && !requested.endsWith(options.extension)) {
    throw refuse(requested, `only ${options.extension} files can be opened here`);
  }
  const realRoot = realpathSync(root);
  const absolute = path.join(realRoot, ...segments.filter((segment) => segment !== '' && segment !== '.'));
  const real = realpathOfExistingPart(absolute);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw refuse(requested, 'it goes through a symbolic link that points outside the workspace');
  }
  if (absolute === realRoot) throw refuse(requested, 'it names the workspace root itself, not a file');
  return { absolute: real, relative: path.relative(realRoot, real).split(path.sep).join('/') };
}
