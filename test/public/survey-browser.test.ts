import { join } from 'node:path';
import { pino } from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../adapters/cli/app.ts';
import { loadConfig } from '../../adapters/cli/config.ts';
import { AREAS } from '../../src/domain/participant.ts';
import { actor, fakeClock } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { axeViolations, launchChromium } from '../helpers/browser.ts';
import { FULL_ANSWERS, questback } from '../surveys/fixtures.ts';

/** A closed survey on the public page, in Chromium, checked with axe-core as the rest of the page is. */
const tmp = useTmpDir();
let browser: Browser;
let app: App;
let base: string;

beforeAll(async () => {
  const clock = fakeClock('2026-09-01T08:00:00Z');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_PATH: join(tmp(), 'innspill.db'), PUBLISH_MODE: 'immediate' });
  app = await createApp(config, { logger: pino({ level: 'silent' }), clock });
  base = `http://127.0.0.1:${(await app.start()).port}`;
  const people = Array.from({ length: 12 }, (_, i) => actor(`U${i + 1}`));
  for (const p of people) await app.core.saveProfile(p, { area: AREAS[numberOf(p) % 3]! });
  const survey = await app.core.surveys.create('cli', questback());
  await app.core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
  for (const [n, p] of people.entries()) {
    await app.core.surveys.save(p, survey.id, { ...FULL_ANSWERS, importance: (n % 5) + 1, organisation: n % 2 ? 'network' : 'council', expectation: `Forventning nummer ${n + 1} om et lengre svar som må brytes pent på en smal skjerm` }, { finish: true });
  }
  clock.advance(60_000);
  await app.core.surveys.close('cli', survey.id);
  browser = await launchChromium();
}, 180_000);

/** U7 → 7: spreads the people over the first three areas. */
function numberOf(p: { id: string }): number {
  return Number(p.id.replace(/\D/g, ''));
}

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a closed survey on the public page in Chromium', () => {
  for (const [path, width] of [
    ['/', 1280],
    ['/en', 360],
  ] as const) {
    it(`${path} at ${width} px: its charts visible on the polls' scale, its free text, no serious axe violations, no sideways scrolling`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      expect((await page.goto(`${base}${path}`, { waitUntil: 'load' }))?.status()).toBe(200);
      const charts = page.locator('article.survey svg.chart');
      // The ten questions with counts (single, multiple and scale); the two free-text ones are lists.
      expect(await charts.count()).toBe(10);
      for (const chart of await charts.all()) expect(await chart.isVisible()).toBe(true);
      // One scale, as for polls: every chart starts at the same place and draws 100 % equally wide.
      const boxes = await charts.evaluateAll((svgs) => svgs.map((s) => `${s.getBoundingClientRect().x}:${s.getBoundingClientRect().width}`));
      expect(new Set(boxes).size).toBe(1);
      expect(await page.locator('article.survey ul.answers li').count()).toBe(24);
      expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
