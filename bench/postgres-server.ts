import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchPostgres {
  /** A new, empty schema on the server, as a URL with it first on `search_path`: a database of its own, as far as Innspill can tell; `settings` are more session settings for that URL (`-c name=value`). */
  fresh(settings?: string): Promise<string>;
  /** Drops the schemas made, and stops and removes a cluster this bench started. */
  stop(): Promise<void>;
  /** Where the server came from, for the table. */
  origin: string;
}

/** The newest installed server's binaries (Debian keeps them per major version). */
function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(a) - Number(b)) : [];
  if (!versions.length) throw new Error('no PostgreSQL server installed (/usr/lib/postgresql/*/bin/initdb); set BENCH_DATABASE_URL to a server instead');
  return join(root, versions.at(-1)!, 'bin');
}

/**
 * A throwaway cluster as `.ci/run` starts one: initdb in a temporary directory as an unprivileged
 * user (initdb refuses root), trust auth, listening only on a Unix socket in that directory.
 */
function startCluster(): { url: string; stop(): void; dir: string } {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-pg-'));
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, -1);
  }
  const asPg = (command: string, args: string[]) =>
    execFileSync(root ? 'runuser' : command, root ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const data = join(dir, 'data');
  asPg(join(bin, 'initdb'), ['-D', data, '-U', 'innspill', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  asPg(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-c listen_addresses='' -c unix_socket_directories='${dir}' -c max_connections=200`, 'start']);
  return {
    url: `postgres://innspill@localhost/postgres?host=${dir}`,
    dir,
    stop: () => {
      try {
        asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The PostgreSQL server for the bench: `BENCH_DATABASE_URL` or `TEST_DATABASE_URL` when set, else a
 * throwaway cluster started here. Unlike `.ci/run`'s, it keeps fsync on: the figures are for a
 * database that keeps what it acknowledged.
 */
export function startBenchPostgres(): BenchPostgres {
  const given = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const cluster = given ? null : startCluster();
  const server = given ?? cluster!.url;
  const admin = new pg.Pool({ connectionString: server, max: 1 });
  admin.on('error', () => {});
  const made: string[] = [];
  return {
    origin: given ? 'the server in BENCH_DATABASE_URL/TEST_DATABASE_URL' : `a throwaway cluster (PostgreSQL ${pgBin().split('/').at(-2)}, Unix socket)`,
    async fresh(settings = '') {
      const schema = `bench_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE SCHEMA ${schema}`);
      made.push(schema);
      const url = new URL(server);
      url.searchParams.set('options', `-c search_path=${schema}${settings ? ` ${settings}` : ''}`);
      return url.toString();
    },
    async stop() {
      try {
        if (given) for (const schema of made) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
        cluster?.stop();
      }
    },
  };
}
