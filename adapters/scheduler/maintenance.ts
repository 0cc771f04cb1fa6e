import type { Pruned } from '../../src/ports/store.ts';

const HOUR_MS = 3_600_000;

export interface MaintenanceLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Retention while the server runs: once at start and then every hour. A failed pass is logged and
 * the next hour tries again; the timer never keeps the process alive on its own.
 */
export function startMaintenance(run: () => Promise<Pruned>, log: MaintenanceLog, everyMs = HOUR_MS) {
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= run()
      .then((pruned) => log.info({ ...pruned }, 'retention applied'))
      .catch((error: unknown) => log.warn({ err: error }, 'retention pass failed; trying again in an hour'))
      .finally(() => (running = null));
    return running;
  };
  void pass();
  const timer = setInterval(() => void pass(), everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
