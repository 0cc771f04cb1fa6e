import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../adapters/cli/app.ts';
import { createCore } from '../../adapters/cli/core.ts';
import { loadConfig } from '../../adapters/cli/config.ts';
import { actor, fakeClock } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { SECRET, seedPublicData } from './seed.ts';
import { OPERATOR_ID } from '../../src/domain/follow-up.ts';

const silent = pino({ level: 'silent' });
const tmp = useTmpDir();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function withApp(env: Record<string, string>, fn: (app: App, base: string) => Promise<void>, clock = fakeClock('2026-09-01T08:00:00Z')): Promise<void> {
  const dir = tmp();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'innspill.db'), ...env });
  const app = await createApp(config, { logger: silent, clock });
  const { port } = await app.start();
  try {
    await fn(app, `http://127.0.0.1:${port}`);
  } finally {
    await app.stop();
  }
}

/** Waits until `check` holds, for work the server does on its own (a folder rewritten after a change). */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}

describe('the public site served by serve', () => {
  it('serves the page, open data and feed with validators, security headers and 304s, and shows new input at the next load', async () => {
    await withApp({ PUBLIC_TITLE: 'Felles røst <test>' }, async (app, base) => {
      const clock = fakeClock('2026-09-01T08:00:00Z');
      await seedPublicData(app.core, clock, { suggestions: 30, people: 20, polls: 3 });

      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
      const html = await page.text();
      expect(html).toContain('<html lang="nb">');
      expect(html).toContain('<title>Felles røst &lt;test&gt;</title>');
      expect(html).toContain('Innspill (30)');
      expect(html).not.toContain(SECRET);

      const etag = page.headers.get('etag')!;
      const lastModified = page.headers.get('last-modified')!;
      expect((await fetch(`${base}/`, { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await fetch(`${base}/`, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
      expect((await fetch(`${base}/`, { headers: { 'if-none-match': '"other"', 'if-modified-since': lastModified } })).status).toBe(200);

      const { suggestion } = await app.core.submitSuggestion(actor('UNEW'), { text: 'Helt nytt innspill om parkering i Askim', topic: 'place', publishable: true });
      // Review mode (the default): shown once approved.
      await app.core.approve({ id: OPERATOR_ID }, suggestion.id);
      const after = await fetch(`${base}/`, { headers: { 'if-none-match': etag } });
      expect(after.status).toBe(200);
      expect(await after.text()).toContain('Helt nytt innspill om parkering i Askim');

      const en = await (await fetch(`${base}/en`)).text();
      expect(en).toContain('<html lang="en">');
      expect(en).toContain('Suggestions (31)');
      expect((await fetch(`${base}/en/30d`)).status).toBe(200);
      expect((await fetch(`${base}/30d`)).status).toBe(200);
      expect(await (await fetch(`${base}/en/`)).text()).toContain('<html lang="en">');

      const data = (await (await fetch(`${base}/data.json`)).json()) as { suggestions: unknown[]; title: string };
      expect(data.suggestions).toHaveLength(31);
      expect(data.title).toBe('Felles røst <test>');
      expect(JSON.stringify(data)).not.toContain(SECRET);
      expect(JSON.stringify(data)).not.toMatch(/U00\d\d|slack:/);
      const csv = await fetch(`${base}/data.csv`);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect((await csv.text()).split('\r\n').filter((l) => l.startsWith('suggestion,'))).toHaveLength(31);
      const feed = await fetch(`${base}/feed.atom`);
      expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(await feed.text()).toContain('Helt nytt innspill om parkering i Askim');
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    });
  });

  it('shows what another process writes to the database (the console in a second terminal)', async () => {
    await withApp({}, async (app, base) => {
      const before = await fetch(`${base}/`);
      expect(await before.text()).toContain('Innspill (0)');
      const other = await createCore(app.config, { logger: silent });
      try {
        const { suggestion } = await other.core.submitSuggestion(actor('UOTHER'), { text: 'Skrevet fra en annen prosess', publishable: true });
        // Review mode (the default): shown once approved.
        await other.core.approve({ id: OPERATOR_ID }, suggestion.id);
      } finally {
        other.store.close();
      }
      const after = await fetch(`${base}/`, { headers: { 'if-none-match': before.headers.get('etag')! } });
      expect(after.status).toBe(200);
      expect(await after.text()).toContain('Skrevet fra en annen prosess');
    });
  });

  it('serves documents with their content type and safe headers, and Markdown as an escaped page', async () => {
    await withApp({}, async (app, base) => {
      const pdf = await app.core.addDocument({ title: 'Referat fra møte 1', date: '2026-08-20', file: { name: 'referat.pdf', bytes: PDF } });
      const md = await app.core.addDocument({ title: 'Notat', file: { name: 'notat.md', bytes: Buffer.from('# Notat\n\n<script>alert(1)</script> [lenke](javascript:alert(2))') } });
      await app.core.addDocument({ title: 'Presentasjon', url: 'https://example.org/presentasjon' });
      expect(pdf.kind).toBe('pdf');
      expect(md.date).toBe('2026-09-01');

      const file = await fetch(`${base}/files/1-referat-fra-mote-1.pdf`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toBe('inline; filename="1-referat-fra-mote-1.pdf"');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

      const note = await fetch(`${base}/files/2-notat.html`);
      expect(note.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(note.headers.get('content-security-policy')).toContain("default-src 'none'");
      const noteHtml = await note.text();
      expect(noteHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(noteHtml).not.toContain('href="javascript');

      for (const wrong of ['/files/1-other.pdf', '/files/3.html', '/files/..%2Finnspill.db', '/files/']) expect((await fetch(`${base}${wrong}`)).status).toBe(404);
      const page = await (await fetch(`${base}/`)).text();
      expect(page).toContain('<a href="/files/1-referat-fra-mote-1.pdf">Referat fra møte 1</a>');
      expect(page).toContain('<a href="https://example.org/presentasjon" rel="noopener noreferrer nofollow">Presentasjon</a>');
    });
  });

  it('moves the 30-day view on with time alone, with a later Last-Modified, and keeps the full view as it was', async () => {
    const clock = fakeClock('2026-09-01T08:00:00Z');
    await withApp(
      {},
      async (app, base) => {
        const { suggestion } = await app.core.submitSuggestion(actor('U1'), { text: 'Snart en måned gammelt', publishable: true });
        // Review mode (the default): shown once approved.
        await app.core.approve({ id: OPERATOR_ID }, suggestion.id);
        const recent = await fetch(`${base}/30d`);
        expect(await recent.text()).toContain('Snart en måned gammelt');
        const all = await fetch(`${base}/`);
        clock.advance(31 * 24 * 3600 * 1000);
        const later = await fetch(`${base}/30d`, { headers: { 'if-modified-since': recent.headers.get('last-modified')! } });
        expect(later.status).toBe(200);
        expect(await later.text()).not.toContain('Snart en måned gammelt');
        expect(Date.parse(later.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(recent.headers.get('last-modified')!));
        expect((await fetch(`${base}/`, { headers: { 'if-none-match': all.headers.get('etag')! } })).status).toBe(304);
      },
      clock,
    );
  });

  it('answers none of it with PUBLIC_PAGE=off', async () => {
    await withApp({ PUBLIC_PAGE: 'off' }, async (_app, base) => {
      for (const path of ['/', '/en', '/data.json', '/feed.atom']) expect((await fetch(`${base}${path}`)).status).toBe(404);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });
  });

  it('rewrites PUBLISH_DIR after a change, file by file', async () => {
    const out = join(tmp(), 'site');
    const intro = join(tmp(), 'intro.md');
    writeFileSync(intro, '## Om prosjektet\n\nVi samler **innspill**. <img src=x onerror=alert(1)>');
    await withApp({ PUBLISH_DIR: out, PUBLIC_PAGE: 'off', PUBLIC_INTRO: intro }, async (app) => {
      expect(existsSync(join(out, 'index.html'))).toBe(true);
      const first = readFileSync(join(out, 'index.html'), 'utf8');
      expect(first).toContain('<h3>Om prosjektet</h3>');
      expect(first).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(first).toContain('href="en/index.html"');
      const { suggestion } = await app.core.submitSuggestion(actor('UPUB'), { text: 'Publisert til mappen', publishable: true });
      // Review mode (the default): shown once approved.
      await app.core.approve({ id: OPERATOR_ID }, suggestion.id);
      const doc = await app.core.addDocument({ title: 'Referat', file: { name: 'r.pdf', bytes: PDF } });
      await eventually(() => readFileSync(join(out, 'index.html'), 'utf8').includes('Publisert til mappen'));
      await eventually(() => existsSync(join(out, 'files', '1-referat.pdf')));
      expect(readFileSync(join(out, 'en', '30d', 'index.html'), 'utf8')).toContain('href="../../data.json"');
      expect(JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')).documents[0].file).toBe('files/1-referat.pdf');
      await app.core.removeDocument(doc.id);
      await eventually(() => !existsSync(join(out, 'files', '1-referat.pdf')));
    });
  });
});
