import type { Logger } from 'pino';

/**
 * Web API calls that follow an ack (confirmations, modals, thread replies) run here, never in the
 * request's path. Failures are logged, never left as unhandled rejections; `idle()` lets shutdown
 * and tests wait for what is still running.
 */
export function createBackground(logger: Logger) {
  const running = new Set<Promise<void>>();
  return {
    run(what: string, task: () => Promise<unknown>): void {
      const p: Promise<void> = Promise.resolve()
        .then(task)
        .then(
          () => undefined,
          (error: unknown) => logger.error({ err: error, task: what }, 'slack follow-up failed'),
        )
        .finally(() => running.delete(p));
      running.add(p);
    },
    async idle(): Promise<void> {
      while (running.size) await Promise.all([...running]);
    },
  };
}

export type Background = ReturnType<typeof createBackground>;
