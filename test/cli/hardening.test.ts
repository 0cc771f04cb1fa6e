import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../adapters/cli/app.ts';
import { loadConfig } from '../../adapters/cli/config.ts';
import { parseDateOption } from '../../adapters/cli/program.ts';
import { openSqliteStore } from '../../storage/index.ts';
import { runCli, spawnCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const tmp = useTmpDir();
const silent = pino({ level: 'silent' });

/** Spawned processes on a busy shared machine: generous, never a measure of speed. */
const PROCESS_TIMEOUT = 60_000;

/** Everything the process wrote on stderr, as lines. */
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

function envFor(dir: string): Record<string, string> {
  return { DATABASE_PATH: join(dir, 'innspill.db'), HOST: '127.0.0.1', PORT: '0' };
}

/**
 * `serve` in a real process, or through `run` in this one: the same action, the same line and exit
 * code. The real process is kept for the failure that comes last, after the database, the workers
 * and the platforms are up (the port), where a handle left open would keep the process alive.
 */
async function expectStartFailure(env: Record<string, string>, pattern: RegExp, how: 'process' | 'in-process' = 'in-process') {
  const result = how === 'process' ? await spawnCli(['serve'], { env }) : await runCli(['serve'], { env });
  expect(result.code).toBe(1);
  expect(lines(result.stderr)).toEqual([expect.stringMatching(pattern)]);
}

describe('serve fails to start: exit 1 with one clear line, never a process that lingers', () => {
  it('when the port is in use', { timeout: PROCESS_TIMEOUT }, async () => {
    const taken: Server = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
    try {
      await expectStartFailure({ ...envFor(tmp()), PORT: String(port) }, new RegExp(`^innspill: port ${port} on 127\\.0\\.0\\.1 is already in use`), 'process');
    } finally {
      taken.close();
    }
  });

  it('when the key file holds a key of the wrong length', async () => {
    const dir = tmp();
    const env = envFor(dir);
    writeFileSync(`${env.DATABASE_PATH}.key`, `${Buffer.alloc(16, 7).toString('base64')}\n`, { mode: 0o600 });
    await expectStartFailure(env, /^innspill: the key file .*innspill\.db\.key is not valid: /);
  });

  it('when the database cannot be opened', async () => {
    const dir = tmp();
    const env = envFor(dir);
    // A directory where the file should be: unreadable as a database, whoever runs the test (root too).
    mkdirSync(env.DATABASE_PATH!);
    await expectStartFailure(env, /^innspill: the database .*innspill\.db cannot be used: /);
  });

  it('when the database is corrupt, naming the file', async () => {
    const dir = tmp();
    const env = envFor(dir);
    const store = openSqliteStore(env.DATABASE_PATH!);
    const insert = store.db.prepare('INSERT INTO members (id, added_at) VALUES (?, 0)');
    store.db.transaction(() => {
      for (let i = 0; i < 3000; i += 1) insert.run(`slack:T1:U${i}-${'x'.repeat(60)}`);
    })();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    // Scribble over pages in the middle of the file, leaving the header intact.
    const size = statSync(env.DATABASE_PATH!).size;
    const fd = openSync(env.DATABASE_PATH!, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    await expectStartFailure(env, /^innspill: the database .*innspill\.db cannot be used: .*(corrupt|malformed)/);
  });
});

describe('the Teams endpoint in the composition root', () => {
  async function post(env: Record<string, string>) {
    const app = await createApp(loadConfig(env), { logger: silent });
    const { port } = await app.start();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return res.status;
    } finally {
      await app.stop();
    }
  }

  it('is not mounted without MicrosoftAppId or TEAMS_LOCAL', async () => {
    expect(await post(envFor(tmp()))).toBe(404);
  });

  it('is mounted in anonymous mode with TEAMS_LOCAL=1', async () => {
    // Mounted: the empty object reaches the adapter, which refuses it as no activity (not 404).
    expect(await post({ ...envFor(tmp()), TEAMS_LOCAL: '1' })).toBe(400);
  });
});

describe('read-only commands on a database that is not there', () => {
  it('say so and create neither the database nor its key file', async () => {
    const dir = tmp();
    const env = { DATABASE_PATH: join(dir, 'nowhere', 'innspill.db') };
    for (const argv of [['members', 'list'], ['digest', '--preview'], ['export', '--format', 'csv'], ['outbox', 'list']]) {
      const result = await runCli(argv, { env });
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.stderr).toContain(`no database at ${env.DATABASE_PATH}`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 1 as a process, with one line', { timeout: PROCESS_TIMEOUT }, async () => {
    const dir = tmp();
    const result = await spawnCli(['members', 'list'], { env: { DATABASE_PATH: join(dir, 'innspill.db') } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([`innspill: no database at ${join(dir, 'innspill.db')} (check DATABASE_PATH)`]);
    expect(existsSync(join(dir, 'innspill.db.key'))).toBe(false);
  });
});

describe('dates on the command line', () => {
  it('refuses a day that is not in the calendar instead of rolling it over', () => {
    expect(() => parseDateOption('2026-02-30')).toThrow(/expected a date/);
    expect(() => parseDateOption('2026-04-31T08:00')).toThrow(/expected a date/);
    expect(parseDateOption('2028-02-29').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('outbox retry', () => {
  it('says the message goes out when serve next runs', async () => {
    const dir = tmp();
    const env = { DATABASE_PATH: join(dir, 'innspill.db') };
    const store = openSqliteStore(env.DATABASE_PATH);
    store.db
      .prepare("INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, attempts, next_attempt_at, created_at, last_error) VALUES ('slack', 'T1', '{}', '{\"type\":\"digest\"}', 'k', 'slack:T1:U1', 'dead', 5, 0, 0, 'boom')")
      .run();
    store.close();
    const result = await runCli(['outbox', 'retry', '1'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('message 1 is queued again: it goes out when `innspill serve` next runs (at once if it is running now)\n');
  });
});

describe('digest --send with no platform configured', () => {
  it('says so in one line and queues nothing', async () => {
    const dir = tmp();
    const env = { DATABASE_PATH: join(dir, 'innspill.db') };
    const result = await runCli(['digest', '--send'], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^innspill: no platform to send the digest through: set SLACK_BOT_TOKEN/)]);
    const store = openSqliteStore(env.DATABASE_PATH);
    expect(await store.outbox.list(['pending'], 10)).toEqual([]);
    store.close();
  });
});
