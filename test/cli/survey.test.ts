import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { QUESTBACK_PATH } from '../surveys/fixtures.ts';

describe('innspill survey', () => {
  const tmp = useTmpDir();

  it('creates a survey from a file, lists and shows it, sends it, closes it, and reports results in three formats', async () => {
    const dir = tmp();
    const env = { DATABASE_PATH: join(dir, 'innspill.db') };
    const created = await runCli(['survey', 'create', '--file', QUESTBACK_PATH], { env });
    expect(created).toMatchObject({ code: 0, stdout: '1\n' });
    expect((await runCli(['survey', 'list'], { env })).stdout).toBe('1  draft  0 responses  Felles røst for næringslivet i Indre Østfold\n');
    const shown = await runCli(['survey', 'show', '1'], { env });
    expect(shown.stdout).toContain('1. [focus] Hva bør en felles røst for næringslivet prioritere? Velg inntil tre. (multiple, required, max 3)');
    expect(shown.stdout).toContain('not sent yet');

    const sent = await runCli(['survey', 'send', '1', '--to', 'industry:retail', '--close-at', '01.12.2099 12:00', '--remind-after', '3d'], { env });
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^survey 1 queued for 0 participants \(industry:retail\) at .*; 1 reminder\(s\)\n$/);
    expect((await runCli(['survey', 'show', '#1'], { env })).stdout).toContain('closes 2099-12-01T11:00:00.000Z');
    expect((await runCli(['survey', 'list'], { env })).stdout).toContain('1  open  0 responses');

    const json = JSON.parse((await runCli(['survey', 'results', '1', '--format', 'json', '--locale', 'en'], { env })).stdout);
    expect(json).toMatchObject({ responses: 0, recipients: 0, survey: { id: 1, title: 'A common voice for local business in Indre Østfold' } });
    expect(json.questions).toHaveLength(12);
    expect(json.questions[0]).toMatchObject({ id: 'focus', responses: 0 });
    const csv = (await runCli(['survey', 'results', '1', '--format', 'csv'], { env })).stdout;
    expect(csv.split('\r\n')[0]).toBe('scope,question_id,question,answer,count');
    expect((await runCli(['survey', 'results', '1'], { env })).stdout).toMatch(/^# Felles røst/);

    expect((await runCli(['survey', 'close', '1'], { env })).stdout).toBe('survey 1 is closed\n');
    expect((await runCli(['survey', 'list'], { env })).stdout).toContain('1  closed');
  });

  it('exits 1 naming the line and field of a bad file, and refuses bad targets, times in the past and unknown surveys', async () => {
    const dir = tmp();
    const env = { DATABASE_PATH: join(dir, 'innspill.db') };
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, ['title: Test', 'intro: Hei', 'questions:', '  - id: a', '    type: rating', '    text: Q', '  - id: b', '    type: single', '    text: Q', '    options: [x, x]', ''].join('\n'));
    const created = await runCli(['survey', 'create', '--file', bad], { env });
    expect(created.code).toBe(1);
    expect(created.stderr).toContain(`${bad}:5: questions[0].type: unknown question type`);
    expect(created.stderr).toContain(`${bad}:10: questions[1].options[1]: duplicate option key "x"`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"title": "x",\n "intro": }');
    expect((await runCli(['survey', 'create', '--file', broken], { env })).stderr).toMatch(/broken\.json:2: /);

    expect((await runCli(['survey', 'create', '--file', QUESTBACK_PATH], { env })).code).toBe(0);
    const past = await runCli(['survey', 'send', '1', '--at', '01.01.2020 10:00'], { env });
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('--at "01.01.2020 10:00" is in the past');
    const target = await runCli(['survey', 'send', '1', '--to', 'area:oslo'], { env });
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('area must be one of askim');
    const unknown = await runCli(['survey', 'close', '7'], { env });
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('Fant ikke undersøkelsen.');
  });
});
