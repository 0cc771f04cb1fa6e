// The WAL checkpointer's worker thread (see checkpointer.ts). A plain module with no relative
// imports, so it runs the same from the sources (through tsx) and as its own entry of the bundle in dist/.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const port = parentPort!;
// The server has created and migrated the database already; a missing file means something is wrong.
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    port.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
port.on('message', () => {
  clearInterval(timer);
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
    port.close();
  }
});
