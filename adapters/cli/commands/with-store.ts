import type { Innspill } from '../../../src/innspill.ts';
import type { CliContext } from '../program.ts';

/** Runs a command's work on the core over the configured database, and always closes it. */
export async function withStore<T>(ctx: CliContext, fn: (core: Innspill) => Promise<T>): Promise<T> {
  const config = ctx.config();
  // Loaded here, not at the top: `innspill --help` needs neither SQLite nor the core.
  const { createCore } = await import('../app.ts');
  const { store, core } = createCore(config, { logger: ctx.logger(config) });
  try {
    return await fn(core);
  } finally {
    store.close();
  }
}
