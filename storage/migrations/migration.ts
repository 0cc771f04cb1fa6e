import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /** SQL, or a function for a step SQL alone cannot express. */
  up: string | ((db: Database) => void);
  /**
   * The step rebuilds a table (SQLite's documented way to change a column's definition): foreign
   * keys are off while it runs, so dropping the old table fires no ON DELETE action, and every
   * reference is checked before the step commits.
   */
  rebuildsTables?: boolean;
}
