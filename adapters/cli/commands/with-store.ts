import { existsSync } from 'node:fs';
import type { Innspill } from '../../../src/innspill.ts';
import type { CliContext } from '../program.ts';

/**
 * Runs a command's work on the core over the configured database, and always closes it. A
 * read-only command (a list, a preview, an export) refuses a database that is not there rather
 * than create an empty one and its key file, which would only hide a wrong DATABASE_PATH.
 */
export async function withStore<T>(ctx: CliContext, fn: (core: Innspill) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const config = ctx.config();
  if (options.readOnly && !config.databaseUrl && config.databasePath !== ':memory:' && !existsSync(config.databasePath)) {
    throw new Error(`no database at ${config.databasePath} (check DATABASE_PATH)`);
  }
  // Loaded here, not at the top: `innspill --help` needs neither SQLite nor the core.
  const { createCore } = await import('../core.ts');
  const { store, core } = await createCore(config, {});
  try {
    return await fn(core);
  } finally {
    await store.close();
  }
}
