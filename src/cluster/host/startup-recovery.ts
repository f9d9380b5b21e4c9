/** Scopes opened at once at start-up (each reads its turn logs and may start agents). */
export const RECOVERY_CONCURRENCY = 8;

/**
 * Opens the scope of every project assigned to the host, `RECOVERY_CONCURRENCY` at a time, so turns
 * that were running when it died are marked interrupted without waiting for a browser. A project
 * whose scope cannot open is logged and skipped (its next call tries again). Returns how many opened.
 */
export async function openAssignedScopes(projectIds: string[], open: (projectId: string) => Promise<unknown>, log: (line: string) => void): Promise<number> {
  let next = 0;
  let opened = 0;
  async function worker(): Promise<void> {
    while (next < projectIds.length) {
      const projectId = projectIds[next++];
      try {
        if (await open(projectId)) opened += 1;
      } catch (error) {
        log(`could not open project ${projectId} at start-up: ${(error as Error)?.message ?? error}`);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(RECOVERY_CONCURRENCY, projectIds.length) }, worker));
  return opened;
}
