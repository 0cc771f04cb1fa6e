import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTopicKeywords } from '../../adapters/cli/topic-keywords.ts';
import { runCli } from '../helpers/cli.ts';
import { actor, fakeClock, testCore } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { FULL_ANSWERS, QUESTBACK_PATH } from './fixtures.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const tmp = useTmpDir();

describe('survey results through the command line', () => {
  it('moderates free text, shows the running survey in the digest, and exports and publishes it once closed', async () => {
    const dir = tmp();
    const path = join(dir, 'innspill.db');
    const env = { DATABASE_PATH: path, PUBLIC_TITLE: 'Felles røst' };
    writeFileSync(`${path}.key`, `${KEY}\n`, { mode: 0o600 });
    expect((await runCli(['survey', 'create', '--file', QUESTBACK_PATH], { env })).stdout).toBe('1\n');

    // Six businesses answer through the core, an hour ago (the command line reads the real clock).
    const { core, store } = testCore({ path, clock: fakeClock(new Date(Date.now() - 3_600_000)), topicKeywords: loadTopicKeywords()! });
    const people = Array.from({ length: 6 }, (_, i) => actor(`U${i + 1}`));
    for (const p of people) await store.participants.touch({ ...p, now: new Date(Date.now() - 3_600_000) });
    await core.surveys.send('cli', 1, { target: { kind: 'everyone' } });
    for (const [i, p] of people.entries()) {
      const { comments: _c, ...answers } = FULL_ANSWERS;
      await core.surveys.save(p, 1, { ...answers, expectation: `Bedre parkering ${i + 1}, kari@example.no` }, { finish: true });
    }
    store.close();

    const list = await runCli(['moderate', 'list'], { env });
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('#1  place (proposed) · answer to survey 1 (expectation)  Bedre parkering 1, kari@example.no');
    expect((await runCli(['moderate', 'approve', '#1'], { env })).code).toBe(0);
    expect((await runCli(['moderate', 'approve', '2'], { env })).code).toBe(0);
    expect((await runCli(['moderate', 'hide', '2', '--reason', 'Navn'], { env })).code).toBe(0);
    expect((await runCli(['moderate', 'restore', '2'], { env })).code).toBe(0);
    expect((await runCli(['moderate', 'hide', '3'], { env })).code).toBe(0);
    expect((await runCli(['moderate', 'status', '1', 'considering', '--note', 'Ser på det'], { env })).code).toBe(0);
    expect((await runCli(['moderate', 'list'], { env })).stdout.trim().split('\n')).toHaveLength(3);

    const digest = await runCli(['digest', '--preview', '--format', 'md'], { env });
    expect(digest.stdout).toContain('## Undersøkelser');
    expect(digest.stdout).toContain('- 6 av 6 har svart (100 %) · 6 nye svar siden forrige oppsummering');
    expect(digest.stdout).toContain('- Nye fritekstsvar: 2 publiseres når den stenger, 3 venter på vurdering');
    expect(digest.stdout).toContain('- Resultater: `npx innspill survey results 1`');
    // Not among the suggestions: the digest counts none.
    expect(digest.stdout).toContain('0 innspill');
    const en = await runCli(['digest', '--preview', '--format', 'md', '--locale', 'en'], { env });
    expect(en.stdout).toContain('- New free-text answers: 2 to be published when it closes, 3 waiting for review');

    // While it runs, nothing of it is exported.
    expect(JSON.parse((await runCli(['export', '--format', 'json'], { env })).stdout).surveys).toEqual([]);

    expect((await runCli(['survey', 'close', '1'], { env })).code).toBe(0);
    const json = JSON.parse((await runCli(['export', '--format', 'json'], { env })).stdout);
    expect(json.suggestions).toEqual([]);
    expect(json.surveys).toHaveLength(1);
    expect(json.surveys[0]).toMatchObject({ id: 1, responses: 6, recipients: 6 });
    expect(json.surveys[0].questions.find((q: { id: string }) => q.id === 'expectation').texts).toEqual(['Bedre parkering 1, […]', 'Bedre parkering 2, […]']);
    const csv = (await runCli(['export', '--format', 'csv', '--locale', 'en'], { env })).stdout;
    expect(csv).toContain('survey_text,1:expectation,');
    expect(csv).not.toContain('kari@example.no');
    const html = join(dir, 'export.html');
    expect((await runCli(['export', '--format', 'html', '--out', html], { env })).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<h2>Resultater av undersøkelser</h2>');

    const site = join(dir, 'site');
    expect((await runCli(['publish', '--out', site], { env })).code).toBe(0);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('Felles røst for næringslivet i Indre Østfold');
    expect(index).toContain('<li>Bedre parkering 1, […]</li>');
    expect(index).not.toContain('Bedre parkering 3');
    expect(JSON.parse(readFileSync(join(site, 'data.json'), 'utf8')).surveys).toHaveLength(1);
  }, 180_000);
});
