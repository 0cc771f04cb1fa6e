import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestCards } from '../../adapters/teams/cards/digest.ts';
import { replyForm, topicPageCards } from '../../adapters/teams/cards/digest-actions.ts';
import type { AdaptiveCard } from '../../adapters/teams/cards/elements.ts';
import { pollCard } from '../../adapters/teams/cards/poll-card.ts';
import { actor, testCore } from '../helpers/core.ts';
import { seedFixtureWeek } from '../helpers/fixture-week.ts';
import { FULL_ANSWERS, questback } from '../surveys/fixtures.ts';

/**
 * Every kind of card Innspill sends to Teams, drawn by the Adaptive Cards renderer (the `adaptivecards`
 * package) in headless Chromium with a host config like Teams' light theme: the card must parse and
 * validate without a warning, headings must render larger than body text, and a screenshot of each is
 * kept in test/artifacts/ (UPDATE_DOCS=1 also refreshes the small ones in docs/ that the README shows).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const require = createRequire(import.meta.url);
const DIST = join(dirname(require.resolve('adaptivecards')), '..', 'dist');
const RENDERER = readFileSync(join(DIST, 'adaptivecards.min.js'), 'utf8');
const RENDERER_CSS = readFileSync(join(DIST, 'adaptivecards.css'), 'utf8');

/** Teams' light theme, as far as a host config says it: Segoe UI, 14 px body, bold 600, purple accent. */
const TEAMS_HOST = {
  fontFamily: "'Segoe UI', system-ui, 'DejaVu Sans', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontTypes: {
    default: { fontFamily: "'Segoe UI', system-ui, 'DejaVu Sans', sans-serif", fontSizes: { small: 12, default: 14, medium: 18, large: 24, extraLarge: 28 }, fontWeights: { lighter: 200, default: 400, bolder: 600 } },
    monospace: { fontFamily: "Consolas, 'DejaVu Sans Mono', monospace", fontSizes: { small: 12, default: 14, medium: 18, large: 24, extraLarge: 28 }, fontWeights: { lighter: 200, default: 400, bolder: 600 } },
  },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#5B5FC7' }, good: { default: '#0B6A0B', subtle: '#0B6A0B' }, attention: { default: '#C4314B', subtle: '#C4314B' }, warning: { default: '#835B00', subtle: '#835B00' } } },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
  actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 8 }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  textBlock: { headingLevel: 2 },
};

let browser: Browser;
let page: Page;
beforeAll(async () => {
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    throw new Error(`Cannot start Chromium at ${CHROMIUM} to render the Teams cards (set CHROMIUM_PATH): ${(error as Error).message}`);
  }
  page = await browser.newPage({ viewport: { width: 520, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${RENDERER_CSS} body{margin:0;background:#f5f5f5} #card{width:500px;margin:10px;background:#fff;border-radius:4px}</style></head><body><div id="card"></div></body></html>`);
  await page.addScriptTag({ content: RENDERER });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  warnings: string[];
  /** Font size in px of the first element showing each of these texts. */
  sizes: Record<string, number>;
  height: number;
}

/** Parses, validates and renders one card, then measures the given texts and takes its picture. */
async function render(card: AdaptiveCard, name: string, measure: string[] = []): Promise<Rendered> {
  const result = await page.evaluate(
    ({ json, host, measure }) => {
      // Runs in the page; Node's types know no DOM, so the page's globals are reached through globalThis.
      const g = globalThis as any;
      const AC = g.AdaptiveCards;
      const ac = new AC.AdaptiveCard();
      ac.hostConfig = new AC.HostConfig(host);
      const context = new AC.SerializationContext();
      ac.parse(json, context);
      const warnings: string[] = [];
      for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
      for (const event of ac.validateProperties().validationEvents) warnings.push(event.message);
      const host_ = g.document.getElementById('card');
      host_.innerHTML = '';
      host_.appendChild(ac.render());
      const sizes: Record<string, number> = {};
      for (const text of measure) {
        const el = [...host_.querySelectorAll('*')].find((e: any) => e.children.length === 0 && e.textContent?.trim().startsWith(text));
        sizes[text] = el ? parseFloat(g.getComputedStyle(el).fontSize) : 0;
      }
      return { warnings, sizes, height: host_.getBoundingClientRect().height };
    },
    { json: card, host: TEAMS_HOST, measure },
  );
  const png = await page.locator('#card').screenshot();
  writeFileSync(join(ARTIFACTS, `${name}.png`), png);
  if (process.env.UPDATE_DOCS === '1' && name !== 'teams-poll') {
    // A small picture for the README, one per kind of card: the top of the card, at most 700 px.
    const box = (await page.locator('#card').boundingBox())!;
    writeFileSync(join(DOCS, `${name}.png`), await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 700) } }));
  }
  return result;
}

describe('Teams cards in the Adaptive Cards renderer', () => {
  it('renders the digest, the compact list, the reply form and the poll cards without a warning, with real headings', async () => {
    const { core, clock } = testCore();
    const creator = actor('UMEMBER');
    await core.members.add(creator.id, clock());
    const week = await seedFixtureWeek(core, clock, { person: (n) => actor(`UP${n}`), creator });
    const model = await core.digestFor(week.period);
    const [digest, ...more] = digestCards(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(more).toEqual([]);

    const title = 'Innspill – ukesoppsummering';
    const summary = await render(digest!, 'teams-digest', [title, 'Trenger deg', 'Tema denne uken', 'Stedsutvikling']);
    expect(summary.warnings).toEqual([]);
    // The title is larger than a part's heading, which is larger than body text.
    expect(summary.sizes[title]).toBeGreaterThan(summary.sizes['Trenger deg']!);
    expect(summary.sizes['Trenger deg']).toBe(summary.sizes['Tema denne uken']);
    expect(summary.sizes['Trenger deg']).toBeGreaterThan(summary.sizes['Stedsutvikling']!);
    expect(summary.height).toBeLessThan(4500);

    const place = await core.digestSuggestions(creator, week.period, 'place', 0);
    const [list] = topicPageCards('nb', 'Europe/Oslo', 'place', week.period, 0, place);
    expect((await render(list!, 'teams-digest-list')).warnings).toEqual([]);
    expect((await render(replyForm('nb', week.ids.email), 'teams-reply-form')).warnings).toEqual([]);

    const view = await core.viewPoll(week.polls.topics);
    const own = await render(pollCard(view, [0, 4], 'nb', 'Europe/Oslo', undefined, { manage: true, refreshFor: ['29:creator'] }), 'teams-poll-creator');
    expect(own.warnings).toEqual([]);
    expect((await render(pollCard(view, [1], 'nb', 'Europe/Oslo'), 'teams-poll')).warnings).toEqual([]);
  }, 120_000);

  it('renders a digest with a running survey without a warning, its heading as large as the others', async () => {
    const { core, store, clock } = testCore();
    const people = Array.from({ length: 6 }, (_, n) => actor(`US${n}`));
    for (const p of people) await store.participants.touch({ ...p, now: clock() });
    const survey = await core.surveys.create('cli', questback());
    await core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
    const start = clock();
    clock.advance(60_000);
    for (const p of people) await core.surveys.save(p, survey.id, FULL_ANSWERS, { finish: true });
    const [card] = digestCards(await core.digestFor({ start, end: new Date(start.getTime() + 3_600_000) }), { locale: 'nb', timeZone: 'Europe/Oslo' });
    const rendered = await render(card!, 'teams-digest-survey', ['Trenger deg', 'Undersøkelser']);
    expect(rendered.warnings).toEqual([]);
    expect(rendered.sizes['Undersøkelser']).toBe(rendered.sizes['Trenger deg']);
  }, 120_000);
});
