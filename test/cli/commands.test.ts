import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, runCli, spawnCli, startCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';

/** Most commands run in this process through `run` (see helpers/cli.ts); exit codes, signals and the shipped binary in real processes. */
describe('innspill command', () => {
  const tmp = useTmpDir();
  const envFor = (dir: string) => ({ DATABASE_PATH: join(dir, 'innspill.db') });

  it('explains itself and each command', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'console', 'members', 'digest', 'export', 'migrate']) expect(help.stdout).toContain(command);
    const exportHelp = await runCli(['export', '--help']);
    expect(exportHelp.stdout).toContain('--format <format>');
  });

  it('exits 2 with a clear message on an unknown command or a bad argument', async () => {
    const unknown = await spawnCli(['bogus']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("unknown command 'bogus'");
    const badFormat = await runCli(['export', '--format', 'pdf'], { env: envFor(tmp()) });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Allowed choices are csv, json, html');
    const badDate = await runCli(['digest', '--preview', '--since', 'yesterday'], { env: envFor(tmp()) });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('expected a date');
  });

  it('exits 1 naming the variable when the configuration is wrong', async () => {
    const result = await spawnCli(['serve'], { env: { PORT: 'abc' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT: expected a whole number from 0 to 65535 (got "abc")');
  });

  it('runs the compiled program, which knows its version', async () => {
    const version = await spawnCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version}\n` });
  });

  it('refuses a malformed --as in the console with exit code 2', async () => {
    const bad = await runCli(['console', '--as', 'slack:T1'], { env: envFor(tmp()) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--as <id>' argument 'slack:T1' is invalid");
  });

  it('migrates a new database and reports the version', async () => {
    const dir = tmp();
    const first = await runCli(['migrate'], { env: envFor(dir) });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/migrated database from schema version 0 to \d+/);
    expect((await runCli(['migrate'], { env: envFor(dir) })).stdout).toMatch(/nothing to do/);
  });

  it('adds, lists and removes members, refusing malformed ids', async () => {
    const env = envFor(tmp());
    expect((await runCli(['members', 'add', 'slack:T0123:U0456'], { env })).stdout).toBe('added slack:T0123:U0456\n');
    expect((await runCli(['members', 'add', 'teams:72f988bf-86f1:00000000-aaaa'], { env })).code).toBe(0);
    expect((await runCli(['members', 'list'], { env })).stdout).toBe('slack:T0123:U0456\nteams:72f988bf-86f1:00000000-aaaa\n');
    expect((await runCli(['members', 'remove', 'slack:T0123:U0456'], { env })).code).toBe(0);
    expect((await runCli(['members', 'remove', 'slack:T0123:U0456'], { env })).code).toBe(1);
    const bad = await runCli(['members', 'add', 'slack:T0123'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected slack:<team_id>:<user_id>');
  });

  it('takes a suggestion and a poll in the console, then shows both in the digest preview and the export', async () => {
    const env = envFor(tmp());
    const session = [
      'Vi trenger bedre parkering i Askim sentrum',
      '/innspill',
      '4',
      'Julegate i Mysen <!channel>',
      'n',
      'j',
      '/poll "Hvilken dag passer for møtet?" "Tirsdag" "Torsdag"',
      '/stem 1',
      '/stem 2',
      '/avslutt',
    ].join('\n');
    const consoleRun = await runCli(['console', '--as', 'kari'], { env, input: `${session}\n` });
    expect(consoleRun.code).toBe(0);
    expect(consoleRun.stdout).toContain('registrert med nummer #1');
    expect(consoleRun.stdout).toContain('registrert med nummer #2');
    expect(consoleRun.stdout).toContain('Du har stemt: Torsdag.');

    const preview = await runCli(['digest', '--preview'], { env });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('Vi trenger bedre parkering i Askim sentrum');
    // Not a terminal: Markdown, escaped only where it would become markup.
    expect(preview.stdout).toContain('### Stedsutvikling (1 innspill)');
    expect(preview.stdout).toContain('Julegate i Mysen &lt;!channel>');
    expect(preview.stdout).toContain('`░░░░░░░░░░░░` 0 % av færre enn 5 som stemte (0 stemmer) Tirsdag');
    expect(preview.stdout).toContain('`████████████` 100 % av færre enn 5 som stemte (1 stemme) Torsdag');
    const plain = await runCli(['digest', '--preview', '--format', 'text'], { env });
    expect(plain.stdout).toContain('████████████ 100 % av færre enn 5 som stemte (1 stemme) Torsdag');
    expect(plain.stdout).toContain('Julegate i Mysen <!channel>');
    expect(plain.stdout).not.toMatch(/`|\*\*|^#/mu);
    const english = await runCli(['digest', '--preview', '--locale', 'en', '--since', '2020-01-01'], { env });
    expect(english.stdout).toContain('weekly digest');

    const json = JSON.parse((await runCli(['export', '--format', 'json'], { env })).stdout);
    expect(json.suggestions).toEqual([expect.objectContaining({ ref: '#2', text: 'Julegate i Mysen <!channel>', topic: 'place' })]);
    expect(json.polls[0].options).toEqual([{ label: 'Tirsdag', votes: 0 }, { label: 'Torsdag', votes: 1 }]);
    expect(JSON.stringify(json)).not.toContain('kari');
  });

  it('writes CSV and HTML exports to a file', async () => {
    const dir = tmp();
    const env = envFor(dir);
    await runCli(['console', '--as', 'ola'], { env, input: '/innspill\n1\n=HYPERLINK("http://x")\nj\nj\n' });
    const out = join(dir, 'out.csv');
    const csv = await runCli(['export', '--format', 'csv', '--out', out], { env });
    expect(csv.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`suggestion,#1,`);
    expect(readFileSync(out, 'utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
    const html = join(dir, 'out.html');
    await runCli(['export', '--format', 'html', '--out', html], { env });
    expect(existsSync(html)).toBe(true);
    expect(readFileSync(html, 'utf8')).toContain('<h3>Rammebetingelser (1)</h3>');
  });

  it('serves /healthz and shuts down cleanly on SIGTERM', async () => {
    const dir = tmp();
    const child = startCli(['serve'], { env: { ...envFor(dir), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' } });
    const done = finished(child);
    // Port 0 lets the OS pick a free port; the start-up log line says which.
    const port = await new Promise<number>((resolve) => {
      let seen = '';
      child.stderr.on('data', (d: Buffer) => {
        seen += d.toString();
        const match = /"port":(\d+)/.exec(seen);
        if (match) resolve(Number(match[1]));
      });
    });
    const body = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json());
    expect(body).toMatchObject({ status: 'ok', schemaVersion: expect.any(Number) });
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('innspill stopped');
  });
});
