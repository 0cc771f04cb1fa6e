import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../adapters/cli/app.ts';
import { loadConfig } from '../../adapters/cli/config.ts';
import { fakeClock } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { axeViolations } from '../helpers/browser.ts';
import { SECRET, seedPublicData } from './seed.ts';

/**
 * The public page in a real browser (Debian's Chromium through playwright-core), served by the real
 * server over realistic data: 200 suggestions and 10 polls from 60 companies.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

const tmp = useTmpDir();
let browser: Browser;
let app: App;
let base: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`);
  }
  const clock = fakeClock('2026-09-01T08:00:00Z');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_PATH: join(tmp(), 'innspill.db'), PROJECT_MEMBERS_PUBLIC: 'Kari Nordmann (leder); Ola Hansen; Aisha Khan (Sparebanken)' });
  app = await createApp(config, { logger: pino({ level: 'silent' }), clock });
  const { port } = await app.start();
  base = `http://127.0.0.1:${port}`;
  await seedPublicData(app.core, clock, { suggestions: 200, people: 60, polls: 10 });
  await app.core.addDocument({ title: 'Referat fra oppstartsmøtet', date: '2026-09-10', file: { name: 'referat.md', bytes: Buffer.from('# Referat\n\nVi startet.') } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Opens a page and records console errors and every request that is not to our server. */
async function open(path: string, width: number, options: { javaScript?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${base}/`)) outside.push(r.url());
  });
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  return { page, context, errors, outside, status: response?.status() };
}

describe('the public page in Chromium', () => {
  for (const [path, locale] of [
    ['/', 'nb'],
    ['/en', 'en'],
  ] as const) {
    it(`${path}: charts visible, no console errors, nothing from outside, no serious axe violations, screenshots`, async () => {
      const { page, context, errors, outside, status } = await open(path, 1280);
      expect(status).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.locator('ol.items li').count()).toBe(200);
      expect(await page.content()).not.toContain(SECRET);

      const charts = page.locator('svg.chart');
      // Ten polls, three breakdowns, participation over time.
      expect(await charts.count()).toBe(14);
      for (const chart of await charts.all()) expect(await chart.isVisible()).toBe(true);
      expect(await page.locator('svg.chart rect.bar').first().boundingBox()).toMatchObject({ height: expect.any(Number) });

      // One scale: every poll chart starts its bars at the same place and draws 100 % equally wide.
      const boxes = await page.locator('article.poll svg.chart').evaluateAll((svgs) => svgs.map((s) => ({ x: s.getBoundingClientRect().x, w: s.getBoundingClientRect().width })));
      expect(boxes).toHaveLength(10);
      expect(new Set(boxes.map((b) => `${b.x}:${b.w}`)).size).toBe(1);

      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `public-${locale}-1280.png`) });
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });

    it(`${path}: fits a 360 px phone without sideways scrolling`, async () => {
      const { page, context, errors } = await open(path, 360);
      expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
      expect(await page.locator('svg.chart').first().isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `public-${locale}-360.png`) });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('searches with its one script (allowed by the policy), and filters by topic and status without JavaScript', async () => {
    const { page, context, errors } = await open('/', 1280);
    await page.fill('#q', 'bredbånd');
    const visible = await page.locator('ol.items li:visible').allTextContents();
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(200);
    expect(visible.every((t) => t.toLowerCase().includes('bredbånd'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();

    const plain = await open('/', 1280, { javaScript: false });
    expect(await plain.page.locator('#search').isVisible()).toBe(false);
    expect(await plain.page.locator('ol.items li:visible').count()).toBe(200);
    await plain.page.click('nav[aria-label="Tema"] a[href="#t-1"]');
    const topics = await plain.page.locator('.list .topic:visible h3').allTextContents();
    expect(topics).toEqual([expect.stringMatching(/^Vekst, innovasjon og gründerskap \(\d+\)$/)]);
    await plain.page.goto(`${base}/#s-received`);
    expect(await plain.page.locator('ol.items li:visible').count()).toBe(200);
    await plain.context.close();
  });
});
