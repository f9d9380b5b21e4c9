/**
 * Ends the process cleanly on SIGINT / SIGTERM: `close()` once (a second signal while it runs is
 * ignored), then exit 0, or 1 when the shutdown failed. `saving` says what close saves, for the log.
 */
export function stopOnSignals(close: () => Promise<void>, saving: string, log: (line: string) => void): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[hub] ${signal}: saving ${saving}, stopping agents...`);
    close().then(
      () => {
        log('[hub] stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('[hub] shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
