import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PublicSite } from './public-site.ts';

/** Writes one file atomically: a reader sees the old file or the new one, never half of either. */
function writeAtomic(path: string, body: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, body);
  renameSync(temp, path);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Writes the whole site into `dir`: pages, data, feed and documents. Files whose content has not
 * changed since the last write are left alone, and documents that were removed are deleted.
 */
export function createSiteWriter(site: PublicSite, dir: string) {
  const written = new Map<string, string>();
  return {
    async write(): Promise<{ written: number; removed: number }> {
      const paths = await site.paths();
      let count = 0;
      for (const path of paths) {
        const file = await site.file(path);
        if (!file || written.get(path) === file.etag) continue;
        writeAtomic(join(dir, path), file.body);
        written.set(path, file.etag);
        count += 1;
      }
      // Only the documents folder holds files that can go away; the rest of the folder is the operator's.
      const keep = new Set(paths);
      let removed = 0;
      const filesDir = join(dir, 'files');
      for (const name of listDir(filesDir)) {
        if (keep.has(`files/${name}`)) continue;
        rmSync(join(filesDir, name), { force: true });
        written.delete(`files/${name}`);
        removed += 1;
      }
      return { written: count, removed };
    },
  };
}

/** `PUBLISH_DIR`: rewrites the folder whenever what the site shows changes, checking every `intervalMs`. */
export function watchPublishDir(site: PublicSite, dir: string, options: { intervalMs?: number; onError: (error: unknown) => void }) {
  const writer = createSiteWriter(site, dir);
  let last: string | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      const print = await site.fingerprint();
      if (print === last) return;
      await writer.write();
      last = print;
    })()
      .catch(options.onError)
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(tick, options.intervalMs ?? 1000);
  timer.unref();
  return {
    /** The first write, before the server says it is listening. */
    start: () => tick(),
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
