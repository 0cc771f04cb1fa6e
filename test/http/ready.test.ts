import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../adapters/cli/app.ts';
import { loadConfig } from '../../adapters/cli/config.ts';
import { createHttpServer } from '../../adapters/http/server.ts';
import { readyRoute } from '../../adapters/http/ready.ts';
import { createReadinessProbe, openSqliteStore } from '../../storage/index.ts';
import { fakeClock } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const tmp = useTmpDir();

function capture() {
  const lines: { level: number; msg: string; failed?: Record<string, string> }[] = [];
  return { logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) }), lines };
}

describe('GET /readyz', () => {
  it('is ready on a fresh server, and names the outbox when a due message has waited more than 15 minutes', async () => {
    const path = join(tmp(), 'innspill.db');
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const { logger, lines } = capture();
    const app = await createApp(loadConfig({ DATABASE_PATH: path, PORT: '0', HOST: '127.0.0.1' }), { logger, clock });
    const { port } = await app.start();
    try {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', schema: 'ok', outbox: 'ok' } });
      // One debug line per request.
      expect(lines.filter((l) => l.msg === 'request' && l.level === 20)).toHaveLength(1);

      // A message due 20 minutes ago that nothing has sent (written by another connection, as a stuck worker leaves it).
      const other = new Database(path);
      other
        .prepare("INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, created_at) VALUES ('slack', 'T1', '{}', '{}', 'k', 'l', 'pending', ?, ?)")
        .run(clock().getTime() - 20 * 60_000, clock().getTime() - 20 * 60_000);
      other.close();
      const stuck = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(stuck.status).toBe(503);
      expect(await stuck.json()).toMatchObject({ status: 'unavailable', failed: ['outbox'], checks: { database: 'ok', schema: 'ok', outbox: 'the oldest due message has waited 20 min' } });
      expect(lines.some((l) => l.level === 50 && l.msg === 'not ready' && l.failed?.outbox)).toBe(true);
    } finally {
      await app.stop();
    }
  });

  it('is not ready when the database refuses a write or its schema is behind', async () => {
    const path = join(tmp(), 'innspill.db');
    const store = openSqliteStore(path);
    const clock = fakeClock();
    const http = createHttpServer([readyRoute(createReadinessProbe(store.db), clock, () => {})], pino({ level: 'silent' }));
    const { port } = await http.listen(0, '127.0.0.1');
    try {
      // What a full disk or a read-only file does to a write.
      store.db.pragma('user_version = 3');
      store.db.pragma('query_only = 1');
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { failed: string[]; checks: Record<string, string> };
      expect(body.failed).toEqual(['database', 'schema']);
      expect(body.checks.database).toMatch(/readonly/);
      expect(body.checks.schema).toMatch(/schema version 3, expected \d+/);
    } finally {
      await http.close(10);
      store.close();
    }
  });
});
