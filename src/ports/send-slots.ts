/**
 * Send slots kept in the database, so every process on one database draws on the same rate-limit
 * windows. A hold is `count` calls its holder may make from `from`; it takes up `count` of its
 * lane's capacity until `until` (the last moment one of its calls may start, plus the window the
 * platform counts it in). Which lanes a message draws on, their capacity, and how many calls fit is
 * the core's policy (`src/outbox/shared-windows.ts`); the store keeps the holds and applies a plan
 * to them atomically.
 */
export interface SlotHold {
  /** A limit's bucket: `<rate key>|<limit>/<window ms>`, e.g. `slack:T1|10/1000`. */
  lane: string;
  from: Date;
  until: Date;
  count: number;
}

/** What a plan decides: the holds to add, and what to tell its caller. */
export interface SlotPlan<T> {
  add: SlotHold[];
  result: T;
}

export interface SendSlotStore {
  /**
   * In one transaction, serialised against every other process on the database (SQLite: BEGIN
   * IMMEDIATE; a server database: a lock per lane): drops the holds on `lanes` that ended by `now`,
   * passes the others to `plan` (pure and synchronous), and records the holds it returns.
   */
  reserve<T>(lanes: readonly string[], now: Date, plan: (held: SlotHold[]) => SlotPlan<T>): Promise<T>;
}
