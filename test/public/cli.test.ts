import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const tmp = useTmpDir();

/** Thirteen spawned commands on a busy two-core machine: a generous limit, not a time being tested. */
const SPAWNS = 180_000;

describe('innspill documents and publish', () => {
  it('adds, lists and removes documents, refuses what is not a PDF or Markdown, and publishes the site as files', async () => {
    const dir = tmp();
    const env = { DATABASE_PATH: join(dir, 'innspill.db'), PUBLIC_TITLE: 'Felles røst' };
    writeFileSync(join(dir, 'referat.pdf'), '%PDF-1.4\n%%EOF\n');
    writeFileSync(join(dir, 'fake.pdf'), '<html>not a pdf</html>');
    writeFileSync(join(dir, 'notat.md'), '# Notat\n\nTekst.');

    const pdf = await runCli(['documents', 'add', '--title', 'Referat 1. møte', '--file', join(dir, 'referat.pdf'), '--date', '2026-10-01'], { env });
    expect(pdf.stdout).toBe('published document 1: Referat 1. møte (pdf, 2026-10-01), at /files/1-referat-1-mote.pdf\n');
    expect(pdf.code).toBe(0);
    expect((await runCli(['documents', 'add', '--title', 'Notat', '--file', join(dir, 'notat.md'), '--date', '2026-10-02'], { env })).code).toBe(0);
    expect((await runCli(['documents', 'add', '--title', 'Lysark', '--url', 'https://example.org/lysark.pdf', '--date', '2026-10-03'], { env })).code).toBe(0);

    const fake = await runCli(['documents', 'add', '--title', 'X', '--file', join(dir, 'fake.pdf')], { env });
    expect(fake).toMatchObject({ code: 1, stderr: 'innspill: the file is named .pdf but is not a PDF\n' });
    const js = await runCli(['documents', 'add', '--title', 'X', '--url', 'javascript:alert(1)'], { env });
    expect(js).toMatchObject({ code: 1, stderr: 'innspill: expected a web link starting with https:// or http://\n' });
    const date = await runCli(['documents', 'add', '--title', 'X', '--url', 'https://example.org', '--date', '2026-02-30'], { env });
    expect(date).toMatchObject({ code: 1, stderr: 'innspill: expected a real date as YYYY-MM-DD\n' });
    expect((await runCli(['documents', 'add', '--title', 'X'], { env })).code).toBe(2);

    const list = await runCli(['documents', 'list'], { env });
    expect(list.stdout).toBe(
      [
        '3\t2026-10-03\tlink\tLysark\thttps://example.org/lysark.pdf',
        '2\t2026-10-02\tmarkdown\tNotat\t/files/2-notat.html',
        '1\t2026-10-01\tpdf\tReferat 1. møte\t/files/1-referat-1-mote.pdf',
        '',
      ].join('\n'),
    );

    const out = join(dir, 'site');
    const published = await runCli(['publish', '--out', out], { env });
    expect(published).toMatchObject({ code: 0, stderr: `wrote 9 files to ${out}\n` });
    for (const f of ['index.html', '30d/index.html', 'en/index.html', 'en/30d/index.html', 'data.json', 'data.csv', 'feed.atom', 'files/1-referat-1-mote.pdf', 'files/2-notat.html']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a href="files/1-referat-1-mote.pdf">Referat 1. møte</a>');

    expect(await runCli(['documents', 'remove', '2'], { env })).toMatchObject({ code: 0, stdout: 'removed document 2\n' });
    expect(await runCli(['documents', 'remove', '2'], { env })).toMatchObject({ code: 1, stderr: 'no document 2\n' });
    await runCli(['publish', '--out', out], { env });
    expect(existsSync(join(out, 'files/2-notat.html'))).toBe(false);
  }, SPAWNS);
});
