import { Worker } from 'node:worker_threads';

/**
 * Moves WAL checkpoints (and the fsync they end with) off the thread that answers Slack and Teams.
 * The server's connection stops checkpointing on its own; a worker thread with its own connection
 * runs a passive checkpoint every `intervalMs`, which never blocks a writer. Without it, every
 * thousandth page written made some vote wait for a disk flush.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } finally { db.close(); parentPort.close(); }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(path: string, onError: (message: string) => void, intervalMs = 1000): Checkpointer {
  const worker = new Worker(WORKER, { eval: true, workerData: { path, intervalMs } });
  worker.on('message', (message: string) => onError(message));
  worker.on('error', (error) => onError(String(error)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
