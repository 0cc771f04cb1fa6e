import { createHash } from 'node:crypto';
import { formatDate, formatDateTime } from '../digest/format.ts';
import { escapeHtml, htmlStart } from '../export/render.ts';
import { catalog, formatNumber, label, type Locale } from '../i18n/index.ts';
import type { PublishedCount } from '../privacy/small-groups.ts';
import { zoneOffset } from '../time.ts';
import { barChart, percentText, weeklyChart, type BarRow } from './charts.ts';
import { PUBLIC_STATUSES, type PublicBreakdown, type PublicMemberName, type PublicSiteModel, type PublicSuggestion } from './model.ts';
import { linkFrom, type LinkMode, type PageKey } from './paths.ts';
import { surveysSection } from './survey-section.ts';

/** What the operator sets about the page; `introHtml` is already rendered from safe Markdown. */
export interface PageSettings {
  title: string | null;
  introHtml: Record<Locale, string | null>;
  members: readonly PublicMemberName[];
  timeZone: string;
}

/**
 * The search box: hidden in the HTML and shown by this script, so a reader without JavaScript just
 * sees the full list. The page's Content-Security-Policy allows this one script by its hash.
 */
const SEARCH_SCRIPT =
  "(function(){var box=document.getElementById('search');if(!box)return;var q=document.getElementById('q'),none=document.getElementById('q-none');" +
  "var items=[].slice.call(document.querySelectorAll('.list li')),texts=items.map(function(li){return li.textContent.toLowerCase();})," +
  "topics=[].slice.call(document.querySelectorAll('.list .topic'));box.hidden=false;q.addEventListener('input',function(){" +
  'var v=q.value.trim().toLowerCase(),shown=0;items.forEach(function(li,i){var hit=!v||texts[i].indexOf(v)>=0;li.hidden=!hit;if(hit)shown++;});' +
  "topics.forEach(function(t){t.hidden=!!v&&!t.querySelector('li:not([hidden])');});none.hidden=shown>0;});})();";

/** The hash the Content-Security-Policy names to allow the page's only script. */
export const SEARCH_SCRIPT_HASH = `sha256-${createHash('sha256').update(SEARCH_SCRIPT).digest('base64')}`;

/** Allows nothing from outside, the inline styles, and the one script by hash; frames and forms nowhere. */
export const PAGE_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${SEARCH_SCRIPT_HASH}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const STYLE = `
*{box-sizing:border-box}[hidden]{display:none!important}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;line-height:1.5;color:#1b1b1b;background:#fff}
.wrap{max-width:52rem;margin:0 auto;padding:0 1rem 2rem}
header{border-bottom:4px solid #1f5f8b;padding-top:1rem;margin-bottom:1rem}
h1{font-size:1.7rem;margin:.3rem 0;line-height:1.25}h2{font-size:1.35rem;border-bottom:2px solid #1b1b1b;padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}a{color:#154a6e}a:focus,input:focus,summary:focus{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem}
.lang{float:right;margin:0}.members,.meta,.muted{color:#4a4a4a}.meta{font-size:.9rem;margin:.2rem 0 0}
nav ul{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem .9rem}
nav [aria-current]{font-weight:700;color:#1b1b1b;text-decoration:none}
.totals{display:flex;flex-wrap:wrap;gap:.8rem;margin:0;padding:0}.totals div{border:1px solid #c8c8c8;border-radius:.4rem;padding:.5rem .9rem;min-width:9rem}
.totals dt{font-size:.9rem;color:#4a4a4a}.totals dd{margin:0;font-size:1.6rem;font-weight:700}
.filters{font-size:.95rem}.filters span{font-weight:600;margin-right:.3rem}
.target{display:block;height:0;scroll-margin-top:1rem}
ol.items{list-style:none;padding:0;margin:0}ol.items li{border-left:4px solid #c8c8c8;padding:.3rem .7rem;margin:0 0 .8rem;overflow-wrap:anywhere}
ol.items li p{margin:0}.status{display:inline-block;border-radius:.8rem;padding:0 .5rem;background:#e8e8e8;color:#1b1b1b;font-size:.85rem}
li.st-considering{border-color:#b35900}li.st-recommended{border-color:#1f5f8b}li.st-done{border-color:#2e6b30}li.st-not_pursued{border-color:#6b6b6b}
.note{background:#f2f6f9;border-radius:.3rem;padding:.4rem .6rem;margin-top:.4rem}
#search input{font:inherit;padding:.3rem .5rem;width:100%;max-width:24rem;border:1px solid #6b6b6b;border-radius:.3rem}
.chart{display:block;width:100%;max-width:30rem;height:auto;margin:.3rem 0}.chart.wide{max-width:40rem}
.chart text{font-size:13px;fill:#1b1b1b}.chart .axis{font-size:11px;fill:#4a4a4a}.chart .grid{stroke:#d0d0d0;stroke-width:1}
.chart .bar{fill:#1f5f8b}.chart .bar2{fill:#b35900}
.legend span{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.1rem;margin:0 .3rem 0 .8rem}.legend span:first-child{margin-left:0}
.k1{background:#1f5f8b}.k2{background:#b35900}
table{border-collapse:collapse;margin:.4rem 0}th,td{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #d8d8d8}td.n,th.n{text-align:right}
details{margin:.2rem 0 1rem}summary{cursor:pointer;color:#154a6e}
.poll{margin-bottom:1.4rem}.grid3{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 1.5rem}
footer{border-top:1px solid #c8c8c8;margin-top:2.5rem;padding-top:.6rem;font-size:.9rem}
@media (max-width:30rem){h1{font-size:1.4rem}.lang{float:none}.totals div{min-width:0;flex:1 1 40%}}
`;

/** The CSS that filters without JavaScript: a link to `#t-2` or `#s-done` shows only that topic or status. */
function filterStyle(topicCount: number): string {
  const topics = Array.from({ length: topicCount }, (_, i) => `#t-${i}:target~.list .topic:not(.tp-${i})`);
  const statuses = PUBLIC_STATUSES.flatMap((s) => [`#s-${s}:target~.list li:not(.st-${s})`, `#s-${s}:target~.list .topic:not(:has(.st-${s}))`]);
  return [...topics, ...statuses].length ? `${[...topics, ...statuses].join(',')}{display:none}` : '';
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The local date of many instants, as the digest writes dates, for the price of a few formatter calls
 * per day rather than one per instant (thousands of suggestions). The zone's offset is read at the
 * start of each UTC day; when the next day starts with the same offset, it held all day, and only on
 * the rare day it differs (a daylight saving change) is the offset read for the instant itself.
 */
export function dayFormatter(locale: Locale, timeZone: string): (iso: string) => string {
  const offset = zoneOffset(timeZone);
  const offsetAt = (ms: number) => offset(new Date(ms));
  const dayStarts = new Map<number, number>();
  const offsetAtDayStart = (utcDay: number) => dayStarts.get(utcDay) ?? dayStarts.set(utcDay, offsetAt(utcDay * DAY_MS)).get(utcDay)!;
  const texts = new Map<string, string>();
  return (iso) => {
    const t = Date.parse(iso);
    const utcDay = Math.floor(t / DAY_MS);
    const first = offsetAtDayStart(utcDay);
    const offset = first === offsetAtDayStart(utcDay + 1) ? first : offsetAt(t);
    const day = new Date(t + offset).toISOString().slice(0, 10);
    let text = texts.get(day);
    if (text === undefined) {
      text = formatDate(locale, new Date(`${day}T12:00:00Z`), 'UTC');
      texts.set(day, text);
    }
    return text;
  };
}

export interface PageContext {
  page: PageKey;
  mode: LinkMode;
  settings: PageSettings;
}

function countText(locale: Locale, c: PublishedCount, min: (p: { min: string }) => string): string {
  return c.kind === 'count' ? formatNumber(locale, c.value) : min({ min: formatNumber(locale, c.than) });
}

function suggestionItem(s: PublicSuggestion, locale: Locale, day: (iso: string) => string): string {
  const t = catalog(locale).publicSite;
  const note = s.note ? `<div class="note"><strong>${escapeHtml(t.note)}:</strong> ${escapeHtml(s.note)}</div>` : '';
  return (
    `<li id="i${escapeHtml(s.id)}" class="st-${s.status}"><p>${escapeHtml(s.text)}</p>` +
    `<p class="meta">${escapeHtml(s.ref)} · <time datetime="${escapeHtml(s.createdAt)}">${escapeHtml(day(s.createdAt))}</time> · ` +
    `<span class="status">${escapeHtml(t.statuses[s.status] ?? s.status)}</span></p>${note}</li>`
  );
}

function suggestionsSection(model: PublicSiteModel, locale: Locale, timeZone: string): string {
  const t = catalog(locale).publicSite;
  const day = dayFormatter(locale, timeZone);
  const byTopic = new Map<string, PublicSuggestion[]>(model.topics.map((topic) => [topic, []]));
  for (const s of model.suggestions) byTopic.get(s.topic)!.push(s);
  const topics = model.topics.map((topic, i) => ({ topic, i, list: byTopic.get(topic)! })).filter((x) => x.list.length > 0);
  const statusCounts = new Map(PUBLIC_STATUSES.map((s) => [s, model.suggestions.filter((x) => x.status === s).length]));
  const topicNav = `<nav class="filters" aria-label="${escapeHtml(t.filterTopic)}"><ul><li><span>${escapeHtml(t.filterTopic)}:</span><a href="#innspill">${escapeHtml(t.all)}</a></li>${topics
    .map((x) => `<li><a href="#t-${x.i}">${escapeHtml(label(locale, 'topics', x.topic))} (${formatNumber(locale, x.list.length)})</a></li>`)
    .join('')}</ul></nav>`;
  const statusNav = `<nav class="filters" aria-label="${escapeHtml(t.filterStatus)}"><ul><li><span>${escapeHtml(t.filterStatus)}:</span><a href="#innspill">${escapeHtml(t.all)}</a></li>${PUBLIC_STATUSES.filter(
    (s) => statusCounts.get(s)! > 0,
  )
    .map((s) => `<li><a href="#s-${s}">${escapeHtml(t.statuses[s]!)} (${formatNumber(locale, statusCounts.get(s)!)})</a></li>`)
    .join('')}</ul></nav>`;
  const targets = [...topics.map((x) => `<span id="t-${x.i}" class="target"></span>`), ...PUBLIC_STATUSES.map((s) => `<span id="s-${s}" class="target"></span>`)].join('');
  const sections = topics
    .map(
      (x) =>
        `<section class="topic tp-${x.i}" aria-labelledby="h-t${x.i}"><h3 id="h-t${x.i}">${escapeHtml(label(locale, 'topics', x.topic))} (${formatNumber(locale, x.list.length)})</h3>` +
        `<ol class="items">${x.list.map((s) => suggestionItem(s, locale, day)).join('')}</ol></section>`,
    )
    .join('');
  const body = model.suggestions.length
    ? `${topicNav}${statusNav}<p id="search" hidden><label for="q">${escapeHtml(t.search)}</label><br><input id="q" type="search" autocomplete="off"></p>` +
      `<p id="q-none" class="muted" hidden>${escapeHtml(t.searchNone)}</p>${targets}<div class="list">${sections}</div>`
    : `<p class="muted">${escapeHtml(t.noSuggestions)}</p>`;
  return `<section id="innspill" aria-labelledby="h-innspill"><h2 id="h-innspill">${escapeHtml(t.suggestions)} (${formatNumber(locale, model.suggestions.length)})</h2>${body}</section>`;
}

export function table(caption: string, head: string[], rows: string[][]): string {
  return (
    `<table><caption class="muted">${escapeHtml(caption)}</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((cell, i) => (i ? `<td class="n">${escapeHtml(cell)}</td>` : `<th scope="row">${escapeHtml(cell)}</th>`)).join('')}</tr>`).join('')}</tbody></table>`
  );
}

export function details(locale: Locale, content: string): string {
  return `<details><summary>${escapeHtml(catalog(locale).publicSite.showTable)}</summary>${content}</details>`;
}

function pollsSection(model: PublicSiteModel, locale: Locale): string {
  const t = catalog(locale).publicSite;
  const min = formatNumber(locale, model.minGroupSize);
  const polls = model.polls.map((p) => {
    const meta = `<p class="meta">${escapeHtml(t.pollVoters({ count: countText(locale, p.voters, t.fewerThan) }))} · ${escapeHtml(p.closed ? t.closed : t.open)}</p>`;
    if (!p.shown) return `<article class="poll" aria-labelledby="h-p${p.id}"><h3 id="h-p${p.id}">${escapeHtml(p.question)}</h3>${meta}<p class="muted">${escapeHtml(t.pollTooFew({ min }))}</p></article>`;
    const rows = p.options.map((o) => ({ label: o.label, share: o.share, value: percentText(o.share ?? 0) }));
    const summary = `${p.question} ${rows.map((r) => `${r.label}: ${r.value}`).join('; ')}`;
    const tableRows = p.options.map((o) => [o.label, formatNumber(locale, o.votes ?? 0), percentText(o.share ?? 0)]);
    return (
      `<article class="poll" aria-labelledby="h-p${p.id}"><h3 id="h-p${p.id}">${escapeHtml(p.question)}</h3>${meta}` +
      `${barChart(`poll-${p.id}`, summary, rows)}${details(locale, table(p.question, [t.option, t.votes, t.share], tableRows))}</article>`
    );
  });
  const body = polls.length ? `<p class="muted">${escapeHtml(t.scaleNote)}</p>${polls.join('')}` : `<p class="muted">${escapeHtml(t.noPolls)}</p>`;
  return `<section id="avstemninger" aria-labelledby="h-polls"><h2 id="h-polls">${escapeHtml(t.polls)} (${formatNumber(locale, model.polls.length)})</h2>${body}</section>`;
}

function breakdownBlock(b: PublicBreakdown, locale: Locale, minGroupSize: number): string {
  const t = catalog(locale).publicSite;
  const heading = { area: t.byArea, industry: t.byIndustry, size: t.bySize }[b.dimension];
  const list = ({ area: 'areas', industry: 'industries', size: 'sizes' } as const)[b.dimension];
  const name = (key: string | null) => (key ? label(locale, list, key) : t.notGiven);
  const rows: BarRow[] = b.shown.map((g) => ({ label: name(g.key), share: b.total ? g.count / b.total : 0, value: percentText(b.total ? g.count / b.total : 0) }));
  const tableRows = b.shown.map((g) => [name(g.key), formatNumber(locale, g.count)]);
  if (b.other) {
    const exact = b.other.kind === 'count' ? b.other.value : null;
    rows.push({ label: t.otherGroups, share: exact === null ? null : exact / b.total, value: exact === null ? t.fewerThan({ min: formatNumber(locale, minGroupSize) }) : percentText(exact / b.total) });
    tableRows.push([t.otherGroups, countText(locale, b.other, t.fewerThan)]);
  }
  const summary = `${heading}: ${rows.map((r) => `${r.label} ${r.value}`).join('; ')}`;
  return `<div><h3 id="h-b-${b.dimension}">${escapeHtml(heading)}</h3>${barChart(`b-${b.dimension}`, summary, rows)}${details(locale, table(heading, [t.group, t.count], tableRows))}</div>`;
}

function breakdownSection(model: PublicSiteModel, locale: Locale): string {
  const t = catalog(locale).publicSite;
  if (model.suggestions.length === 0) return '';
  return (
    `<section id="hvem" aria-labelledby="h-who"><h2 id="h-who">${escapeHtml(t.breakdowns)}</h2><p class="muted">${escapeHtml(t.breakdownNote({ min: formatNumber(locale, model.minGroupSize) }))}</p>` +
    `<div class="grid3">${model.breakdowns.map((b) => breakdownBlock(b, locale, model.minGroupSize)).join('')}</div></section>`
  );
}

function participationSection(model: PublicSiteModel, locale: Locale, timeZone: string): string {
  const t = catalog(locale).publicSite;
  const day = (week: string) => formatDate(locale, new Date(`${week}T12:00:00Z`), timeZone);
  let body: string;
  if (model.weeks.length === 0) body = `<p class="muted">${escapeHtml(t.noParticipation)}</p>`;
  else {
    const columns = model.weeks.map((w) => ({ week: w.week, first: w.suggestions, second: w.voters.kind === 'count' ? w.voters.value : null }));
    const summary = `${t.participation}: ${model.weeks
      .map((w) => `${day(w.week)} ${t.suggestionsPerWeek} ${w.suggestions}, ${t.votersPerWeek} ${countText(locale, w.voters, t.fewerThan)}`)
      .join('; ')}`;
    const rows = model.weeks.map((w) => [day(w.week), formatNumber(locale, w.suggestions), countText(locale, w.voters, t.fewerThan)]);
    body =
      `<p class="muted">${escapeHtml(t.participationNote)}</p>${weeklyChart('weeks', summary, columns, day)}` +
      `<p class="legend"><span class="k1"></span>${escapeHtml(t.suggestionsPerWeek)}<span class="k2"></span>${escapeHtml(t.votersPerWeek)}</p>` +
      details(locale, table(t.participation, [t.week, t.suggestionsPerWeek, t.votersPerWeek], rows));
  }
  return `<section id="deltakelse" aria-labelledby="h-part"><h2 id="h-part">${escapeHtml(t.participation)}</h2>${body}</section>`;
}

function documentsSection(model: PublicSiteModel, ctx: PageContext): string {
  const locale = ctx.page.locale;
  const t = catalog(locale).publicSite;
  const items = model.documents.map((d) => {
    const href = d.fileName ? linkFrom(ctx.page, `files/${encodeURIComponent(d.fileName)}`, ctx.mode) : d.url!;
    const external = d.fileName ? '' : ' rel="noopener noreferrer nofollow"';
    return `<li><a href="${escapeHtml(href)}"${external}>${escapeHtml(d.title)}</a> <span class="meta">(${escapeHtml(t.documentKinds[d.kind] ?? d.kind)}, ${escapeHtml(
      formatDate(locale, new Date(`${d.date}T12:00:00Z`), ctx.settings.timeZone),
    )})</span></li>`;
  });
  const body = items.length ? `<ul>${items.join('')}</ul>` : `<p class="muted">${escapeHtml(t.noDocuments)}</p>`;
  return `<section id="dokumenter" aria-labelledby="h-docs"><h2 id="h-docs">${escapeHtml(t.documents)}</h2>${body}</section>`;
}

export function siteTitle(settings: PageSettings, locale: Locale): string {
  return settings.title ?? catalog(locale).publicSite.defaultTitle;
}

/**
 * One page of the public site: the figures and charts first, the (long) list of suggestions last.
 * Self-contained (inline style, one small script, inline SVG), readable without JavaScript.
 */
export function renderPage(model: PublicSiteModel, ctx: PageContext): string {
  const { locale } = ctx.page;
  const { settings } = ctx;
  const t = catalog(locale).publicSite;
  const title = siteTitle(settings, locale);
  const other = t.otherLanguage as Locale;
  const intro = settings.introHtml[locale] ?? `<p>${escapeHtml(t.defaultIntro)}</p>`;
  const members = settings.members.length
    ? `<p class="members"><strong>${escapeHtml(t.projectGroup)}:</strong> ${settings.members.map((m) => escapeHtml(m.role ? `${m.name} (${m.role})` : m.name)).join(', ')}</p>`
    : '';
  const periodLink = (period: 'all' | '30d', text: string) => {
    const current = period === ctx.page.period ? ' aria-current="page"' : '';
    return `<li><a href="${escapeHtml(linkFrom(ctx.page, { locale, period }, ctx.mode))}"${current}>${escapeHtml(text)}</a></li>`;
  };
  const totals = [
    [t.totalSuggestions, model.suggestions.length],
    [t.totalPolls, model.polls.length],
    [t.totalDocuments, model.documents.length],
  ]
    .map(([name, n]) => `<div><dt>${escapeHtml(String(name))}</dt><dd>${formatNumber(locale, Number(n))}</dd></div>`)
    .join('');
  const updated = formatDateTime(locale, new Date(model.generatedAt), settings.timeZone);
  const data = (file: string, text: string) => `<a href="${escapeHtml(linkFrom(ctx.page, file, ctx.mode))}">${escapeHtml(text)}</a>`;
  return `${htmlStart(locale, title)}
<link rel="icon" href="data:,">
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(t.feed)}" href="${escapeHtml(linkFrom(ctx.page, 'feed.atom', ctx.mode))}">
<style>${STYLE}${filterStyle(model.topics.length)}</style>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(t.skipToContent)}</a>
<div class="wrap">
<header>
<p class="lang"><a href="${escapeHtml(linkFrom(ctx.page, { locale: other, period: ctx.page.period }, ctx.mode))}" lang="${other}" hreflang="${other}">${escapeHtml(t.languageLink)}</a></p>
<h1>${escapeHtml(title)}</h1>
<div class="intro">${intro}</div>
${members}
<nav aria-label="${escapeHtml(t.period)}"><ul><li><span class="muted">${escapeHtml(t.period)}:</span></li>${periodLink('all', t.sinceStart)}${periodLink('30d', t.last30Days)}</ul></nav>
</header>
<main id="main">
<section aria-labelledby="h-totals"><h2 id="h-totals">${escapeHtml(t.totals)}</h2><dl class="totals">${totals}</dl></section>
${pollsSection(model, locale)}
${surveysSection(model, locale)}
${participationSection(model, locale, settings.timeZone)}
${breakdownSection(model, locale)}
${documentsSection(model, ctx)}
${suggestionsSection(model, locale, settings.timeZone)}
</main>
<footer>
<p>${escapeHtml(t.openData)}: ${escapeHtml(t.openDataText)} ${data('data.json', 'JSON')}, ${data('data.csv', 'CSV')} · ${data('feed.atom', t.feed)}</p>
<p class="muted">${escapeHtml(t.updated({ when: updated }))}</p>
</footer>
</div>
<script>${SEARCH_SCRIPT}</script>
</body>
</html>
`;
}
