import type { CliContext } from '../program.ts';
import { createCore } from '../app.ts';

/** Runs a command's work on the core over the configured database, and always closes it. */
export async function withStore<T>(ctx: CliContext, fn: (core: ReturnType<typeof createCore>['core']) => Promise<T>): Promise<T> {
  const config = ctx.config();
  const { store, core } = createCore(config, { logger: ctx.logger(config) });
  try {
    return await fn(core);
  } finally {
    store.close();
  }
}
