import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const tmpDir = useTmpDir();

describe('innspill report', () => {
  it('summarises a period by segment in Markdown and JSON, and refuses a period that ends before it starts', async () => {
    const env = { DATABASE_PATH: join(tmpDir(), 'innspill.db') };
    expect((await runCli(['console', '--as', 'kari'], { env, input: 'Bedre parkering i Askim\n/avslutt\n' })).code).toBe(0);
    const year = String(new Date().getUTCFullYear());
    const md = await runCli(['report', '--from', `${year}-01-01`, '--to', `${year}-12-31`], { env });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Innspill: 1');
    // One person is a group below the limit: counted, never named.
    expect(md.stdout).toContain('- Andre (samlet): færre enn 5');
    const json = await runCli(['report', '--from', `${year}-01-01`, '--to', `${year}-12-31`, '--format', 'json'], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ minGroupSize: 5, suggestions: { total: 1, bySegment: { area: { shown: [], other: { kind: 'fewer', than: 5 } } } } });
    const backwards = await runCli(['report', '--from', '2026-02-01', '--to', '2026-01-01'], { env });
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--from must be before --to');
  }, 180_000);
});
