import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/**
 * Moves WAL checkpoints (and the fsync they end with) off the thread that answers Slack and Teams.
 * The server's connection stops checkpointing on its own; a worker thread with its own connection
 * runs a passive checkpoint every `intervalMs`, which never blocks a writer. Without it, every
 * thousandth page written made some vote wait for a disk flush.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

export interface CheckpointEvents {
  /** A single checkpoint failed (the worker goes on). */
  onError(message: string): void;
  /** The worker could not start or died: nothing checkpoints on its behalf any more. */
  onFailed(message: string): void;
}

/**
 * The worker is a real module beside this one, found from this file rather than the working
 * directory: `.js` once compiled to dist/, `.ts` when running from the sources. A worker thread does
 * not inherit the main thread's TypeScript loader, so from the sources a two-line bootstrap
 * registers tsx (resolved from this package) before importing the module.
 */
function spawnWorker(workerData: { path: string; intervalMs: number }): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './checkpoint-worker.ts' : './checkpoint-worker.js', import.meta.url);
  if (!fromSources) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export function startCheckpointer(path: string, events: CheckpointEvents, intervalMs = 1000): Checkpointer {
  const worker = spawnWorker({ path, intervalMs });
  // A checkpointer alone must never keep the process alive (a server that failed to start must exit).
  worker.unref();
  let stopping = false;
  let failed = false;
  const fail = (message: string) => {
    if (stopping || failed) return;
    failed = true;
    events.onFailed(message);
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error) events.onError(message.error);
  });
  worker.on('error', (error) => fail(String(error)));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      fail(`the checkpoint worker exited with code ${code}`);
      resolve();
    }),
  );
  return {
    async stop() {
      stopping = true;
      // Let the last checkpoint finish before the process may exit.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}

/** SQLite's own default: checkpoint once the WAL holds this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000;

/**
 * Hands `db`'s checkpoints to a worker. If the worker fails, the connection checkpoints on its own
 * again, so the WAL never grows without bound; the server is slower, not broken.
 */
export function superviseCheckpoints(db: Database, path: string, log: (message: string) => void): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  return startCheckpointer(path, {
    onError: (message) => log(`WAL checkpoint failed: ${message}`),
    onFailed: (message) => {
      if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      log(`WAL checkpointer stopped, automatic checkpoints are back on: ${message}`);
    },
  });
}
