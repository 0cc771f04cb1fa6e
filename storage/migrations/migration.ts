import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /** SQL, or a function for a step SQL alone cannot express. */
  up: string | ((db: Database) => void);
}
