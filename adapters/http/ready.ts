import { sendJson, type Route } from './server.ts';

/** A message due longer than this means nothing is sending: the outbox worker is stuck or failing. */
export const OUTBOX_MAX_WAIT_MS = 15 * 60_000;

/** What readiness asks of the database (storage/readiness.ts answers it; PostgreSQL's answers asynchronously). */
export interface ReadinessSource {
  write(now: Date): void | Promise<void>;
  schema(): { version: number; latest: number } | Promise<{ version: number; latest: number }>;
  oldestDue(): Date | null | Promise<Date | null>;
}

type Check = { ok: true } | { ok: false; problem: string };

const attempt = async (fn: () => Promise<Check>): Promise<Check> => {
  try {
    return await fn();
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
};

/** Each check on its own, so one failing does not hide the state of the others. */
export async function readiness(source: ReadinessSource, now: Date): Promise<Record<'database' | 'schema' | 'outbox', Check>> {
  return {
    database: await attempt(async () => {
      await source.write(now);
      return { ok: true };
    }),
    schema: await attempt(async () => {
      const { version, latest } = await source.schema();
      return version === latest ? { ok: true } : { ok: false, problem: `schema version ${version}, expected ${latest}: run \`innspill migrate\`` };
    }),
    outbox: await attempt(async () => {
      const due = await source.oldestDue();
      const waited = due ? now.getTime() - due.getTime() : 0;
      return waited <= OUTBOX_MAX_WAIT_MS ? { ok: true } : { ok: false, problem: `the oldest due message has waited ${Math.round(waited / 60_000)} min` };
    }),
  };
}

/**
 * `GET /readyz`: 200 only when the database takes a write, its schema is current and the outbox is
 * moving; otherwise 503 naming what failed. `/healthz` stays the cheap liveness check.
 */
export function readyRoute(source: ReadinessSource, clock: () => Date, onFailure: (failed: Record<string, string>) => void): Route {
  return {
    method: 'GET',
    path: '/readyz',
    async handle(_req, res) {
      const checks = await readiness(source, clock());
      const failed = Object.fromEntries(Object.entries(checks).flatMap(([name, c]) => (c.ok ? [] : [[name, c.problem]])));
      const body = { status: Object.keys(failed).length ? 'unavailable' : 'ready', checks: Object.fromEntries(Object.entries(checks).map(([name, c]) => [name, c.ok ? 'ok' : c.problem])) };
      if (Object.keys(failed).length) {
        onFailure(failed);
        sendJson(res, 503, { ...body, failed: Object.keys(failed) });
      } else sendJson(res, 200, body);
    },
  };
}
