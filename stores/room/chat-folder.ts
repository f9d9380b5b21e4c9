/** The chat file's folder, workspace-relative: the default working directory of its agent threads. */
export function chatFolder(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : '.';
}
