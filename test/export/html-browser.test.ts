import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { exportHtml } from '../../src/export/render.ts';
import type { ExportData } from '../../src/export/model.ts';
import { launchChromium } from '../helpers/browser.ts';

/** The export page as the municipality's web visitors see it, in a real browser (Chromium; see helpers/browser.ts). */
const data: ExportData = {
  generatedAt: new Date('2026-11-23T08:00:00Z'),
  suggestions: [
    { ref: '#1', date: '2026-11-17', topic: 'place', text: 'Julegate i Mysen <script>window.pwned = 1</script>', area: 'eidsberg', industry: 'retail', sizeBand: '2-9', status: 'received', note: null },
    { ref: '#2', date: '2026-11-18', topic: 'framework', text: 'Raskere byggesak <img src=x onerror="window.pwned = 2">', area: null, industry: null, sizeBand: null, status: 'received', note: null },
  ],
  polls: [{ id: 3, question: 'Hvilken dag?', closed: true, voters: 4, options: [{ label: 'Tirsdag', votes: 3 }, { label: 'Torsdag <b>', votes: 1 }] }],
};

describe('HTML export in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every suggestion and result as text, runs none of it, and loads nothing from outside', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(exportHtml(data, 'nb'), { waitUntil: 'load' });
    expect(await page.title()).toBe('Innspill fra næringslivet i Indre Østfold');
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect(await page.locator('li p').allTextContents()).toEqual([
      'Raskere byggesak <img src=x onerror="window.pwned = 2">',
      'Julegate i Mysen <script>window.pwned = 1</script>',
    ]);
    expect(await page.locator('h2').allTextContents()).toEqual(['Nye innspill', 'Avstemninger']);
    expect(await page.locator('h3').allTextContents()).toEqual(['Rammebetingelser (1)', 'Stedsutvikling (1)', 'Hvilken dag?']);
    expect(await page.locator('meter').evaluateAll((m) => m.map((e) => (e as unknown as { value: number }).value))).toEqual([75, 25]);
    expect(await page.locator('td').nth(3).textContent()).toBe('Torsdag <b>');
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('reads well on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
    await page.setContent(exportHtml(data, 'en'), { waitUntil: 'load' });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    expect(await page.locator('h1').textContent()).toBe('Input from the businesses of Indre Østfold');
    await page.close();
  });

  it('fails with a way out when there is no browser', async () => {
    await expect(launchChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(
      'no browser at /nonexistent/chromium: install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH',
    );
  });
});
