import { existsSync } from 'node:fs';
import pino from 'pino';
import { expect, it } from 'vitest';
import { createApp } from '../../adapters/cli/app.ts';
import { loadConfig } from '../../adapters/cli/config.ts';
import { runCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { contract } from './stores.ts';

contract('the configured database', (fresh) => {
  const tmp = useTmpDir();

  it('is migrated, written and read by the commands, with the key file beside DATABASE_PATH', async () => {
    const dir = tmp();
    const env = await fresh().env(dir);
    expect((await runCli(['migrate'], { env })).stdout).toMatch(/^migrated database from schema version 0 to \d+\n$/);
    expect((await runCli(['migrate'], { env })).stdout).toMatch(/nothing to do/);
    expect(await runCli(['members', 'add', 'slack:T1:U1'], { env })).toMatchObject({ code: 0 });
    expect(await runCli(['members', 'list'], { env })).toMatchObject({ code: 0, stdout: 'slack:T1:U1\n' });
    expect(existsSync(`${env.DATABASE_PATH}.key`)).toBe(true);
  });

  it('is ready in /readyz: it takes a write, its schema is current, the outbox moves', async () => {
    const dir = tmp();
    const env = await fresh().env(dir);
    const app = await createApp(loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }), { logger: pino({ level: 'silent' }) });
    try {
      const { port } = await app.start();
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await res.json()).toEqual({ status: 'ready', checks: { database: 'ok', schema: 'ok', outbox: 'ok' } });
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toMatchObject({ schemaVersion: app.store.schemaVersion() });
    } finally {
      await app.stop();
    }
    expect(existsSync(`${env.DATABASE_PATH}.key`)).toBe(true);
  });
});
