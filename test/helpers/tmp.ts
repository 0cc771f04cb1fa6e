import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary directory per test, removed afterwards. */
export function useTmpDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    // Retries: a server's WAL checkpointer thread can still be closing its files as the test ends.
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-test-'));
    dirs.push(dir);
    return dir;
  };
}
