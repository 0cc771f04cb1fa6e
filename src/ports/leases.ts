/**
 * Short named leases in the database, so that of several processes on one database only one does
 * a piece of work for a while (update a poll's messages). Which work, and for how long, is the
 * core's rule; the store only grants and records the lease atomically.
 */
export type LeaseOutcome = { acquired: true } | { acquired: false; heldUntil: Date };

export interface LeaseStore {
  /**
   * Takes the lease `name` for `holder` until `until`, if no other holder has it past `now` (a lease
   * the same holder has is extended). Otherwise says until when the other holder has it.
   */
  acquire(name: string, holder: string, now: Date, until: Date): Promise<LeaseOutcome>;
}
