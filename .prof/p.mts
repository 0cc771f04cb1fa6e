import { buildSiteModel } from '../src/public/build.ts';
import { renderPage } from '../src/public/page.ts';
const { DEFAULT_TOPICS } = await import('../src/domain/suggestion.ts');
const NOW = new Date('2026-11-23T09:00:00Z');
const suggestions = Array.from({ length: 10000 }, (_, i) => ({ ref: `#${i}`, date: '2026-01-01', createdAt: new Date(NOW.getTime() - i * 3e6).toISOString(), topic: DEFAULT_TOPICS[i % 7]!, text: 'Innspill <og> tekst om noe viktig i kommunen som er ganske langt egentlig, ja', area: 'askim', industry: null, sizeBand: null }));
const src = { data: { generatedAt: NOW, suggestions, polls: [] }, weeklyVoters: [], documents: [], topics: DEFAULT_TOPICS, minGroupSize: 5, defaultLocale: 'nb' as const };
for (let i = 0; i < 8; i++) {
let t = performance.now(); const model = buildSiteModel(src, 'all', NOW); const m = performance.now() - t;
t = performance.now(); renderPage(model, { page: { locale: 'nb', period: 'all' }, mode: 'served', settings: { title: null, introHtml: { nb: null, en: null }, members: [], timeZone: 'Europe/Oslo' } }); console.log('model', m.toFixed(0), 'page', (performance.now() - t).toFixed(0));
}
