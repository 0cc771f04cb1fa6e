import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const tmpDir = useTmpDir();
const envFor = (dir: string) => ({ DATABASE_PATH: join(dir, 'innspill.db') });
// Many commands in a row on a shared, busy machine: a generous limit, and no timing asserted.
const SLOW = 180_000;

/** Two consented suggestions and one that is not, sent through the console form and as free text. */
async function seeded() {
  const env = envFor(tmpDir());
  const session = ['/innspill', '1', 'Raskere byggesak, ring 912 34 567', 'n', 'j', '/innspill', '5', 'Felles røst trenger et styre', 'j', 'j', 'Bussen går for sjelden', '/avslutt'].join('\n');
  expect((await runCli(['console', '--as', 'kari'], { env, input: `${session}\n` })).code).toBe(0);
  return env;
}
const exported = async (env: Record<string, string>) => JSON.parse((await runCli(['export', '--format', 'json'], { env })).stdout);

describe('innspill moderate', () => {
  it('lists what waits, approves (published text scrubbed), hides with a private reason, and sets a status', async () => {
    const env = await seeded();
    const list = await runCli(['moderate', 'list'], { env });
    expect(list.stdout).toBe('#1  framework  Raskere byggesak, ring 912 34 567\n#2  organisation  Felles røst trenger et styre\n');

    expect((await runCli(['moderate', 'approve', '#1'], { env })).stdout).toBe('#1 er godkjent for publisering.\n');
    expect((await runCli(['moderate', 'hide', '2', '--reason', 'Dobbelt innsendt'], { env })).stdout).toBe('#2 er skjult. Begrunnelsen er lagret for prosjektgruppen.\n');
    // A console sender cannot be reached on a platform; the status is set anyway.
    expect((await runCli(['moderate', 'status', '#1', 'recommended', '--note', 'Tatt med i anbefalingen'], { env })).stdout).toBe('#1 har nå status del av anbefalingen.\n');

    const json = await exported(env);
    expect(json.suggestions).toEqual([expect.objectContaining({ ref: '#1', text: 'Raskere byggesak, ring […]', status: 'recommended', note: 'Tatt med i anbefalingen' })]);
    expect(JSON.stringify(json)).not.toContain('Dobbelt');
    expect((await runCli(['moderate', 'list'], { env })).stdout).toBe('');
  }, SLOW);

  it('restores, and refuses an unknown ref, a status that does not exist and a long reason without changing anything', async () => {
    const env = await seeded();
    await runCli(['moderate', 'hide', '#1'], { env });
    expect((await runCli(['moderate', 'restore', '1'], { env })).stdout).toBe('#1 er gjenopprettet.\n');
    const unknown = await runCli(['moderate', 'approve', '#99'], { env });
    expect([unknown.code, unknown.stderr]).toEqual([1, 'innspill: Fant ikke innspillet.\n']);
    const badStatus = await runCli(['moderate', 'status', '1', 'maybe'], { env: { ...env, DEFAULT_LOCALE: 'en' } });
    expect([badStatus.code, badStatus.stderr]).toEqual([1, 'innspill: Unknown status “maybe”. Choose received, considering, recommended, not-pursued or done.\n']);
    const long = await runCli(['moderate', 'hide', '1', '--reason', 'x'.repeat(501)], { env });
    expect([long.code, long.stderr]).toEqual([1, 'innspill: Begrunnelsen er for lang (501 tegn). Den kan være høyst 500 tegn.\n']);
    // Nothing was approved, hidden or given a status by the refusals: both still wait.
    expect((await runCli(['moderate', 'list'], { env })).stdout.split('\n').filter(Boolean)).toHaveLength(2);
  }, SLOW);
});
