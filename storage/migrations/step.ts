import type { Migration } from './migration.ts';

/** A migration as the runner takes it: one that rebuilds a table says so. */
export interface MigrationStep extends Migration {
  /**
   * The step rebuilds a table (SQLite's documented way to change a column's definition): foreign
   * keys are off while it runs, so dropping the old table fires no ON DELETE action, and every
   * reference is checked before the step commits.
   */
  rebuildsTables?: boolean;
}
