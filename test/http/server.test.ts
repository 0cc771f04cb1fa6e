import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createHttpServer } from '../../adapters/http/server.ts';
import { healthRoute } from '../../adapters/http/health.ts';

const logger = pino({ level: 'silent' });

describe('http server', () => {
  it('answers health, 404 and 405', async () => {
    const http = createHttpServer([healthRoute(() => ({ schemaVersion: 2 }), '1.0.0')], logger);
    const { port } = await http.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    expect(await fetch(`${base}/healthz`).then((r) => r.json())).toEqual({ status: 'ok', version: '1.0.0', schemaVersion: 2 });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
    await http.close();
  });

  it('reports 503 when the database does not answer, and 500 when a handler throws', async () => {
    const http = createHttpServer(
      [
        healthRoute(() => { throw new Error('closed'); }, '1'),
        { method: 'POST', path: '/boom', handle: () => { throw new Error('bug'); } },
      ],
      logger,
    );
    const { port } = await http.listen(0, '127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/boom`, { method: 'POST' })).status).toBe(500);
    await http.close();
  });

  it('finishes requests in flight before closing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const http = createHttpServer(
      [{ method: 'POST', path: '/slow', handle: async (_req, res) => { await gate; res.end('done'); } }],
      logger,
    );
    const { port } = await http.listen(0, '127.0.0.1');
    const pending = fetch(`http://127.0.0.1:${port}/slow`, { method: 'POST' }).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const closing = http.close();
    await expect(fetch(`http://127.0.0.1:${port}/slow`, { method: 'POST' })).rejects.toThrow();
    release();
    expect(await pending).toBe('done');
    await closing;
  });
});
