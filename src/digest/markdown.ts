import { catalog, formatNumber, label, type Locale } from '../i18n/index.ts';
import { suggestionRef } from '../domain/suggestion.ts';
import { bar, formatDate, oneLine, percent } from './format.ts';
import type { DigestModel, Figure, Share } from './model.ts';
import { figureText, pollNote, segmentLabels, shareAmount, shareName, votersText } from './published-text.ts';

/** Backslash-escapes everything CommonMark could read as markup, and HTML-escapes angle brackets. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~<>&]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : `\\${ch}`));
}

export interface RenderOptions {
  locale: Locale;
  timeZone: string;
}

function figureLine(locale: Locale, name: string, f: Figure): string {
  return `- **${name}:** ${figureText(locale, f)}`;
}

function shareLines(locale: Locale, list: 'areas' | 'industries' | 'sizes', shares: Share[]): string[] {
  return shares.map((s) => `- ${shareName(locale, list, s)}: ${shareAmount(locale, s)}`);
}

/** The digest as Markdown: what `innspill digest --preview` prints and what a member can paste anywhere. */
export function renderDigestMarkdown(model: DigestModel, { locale, timeZone }: RenderOptions): string {
  const c = catalog(locale).digest;
  const out: string[] = [];
  out.push(`# ${c.title({ from: formatDate(locale, model.period.start, timeZone), to: formatDate(locale, model.period.end, timeZone) })}`, '');
  out.push(`## ${c.totals}`, '');
  out.push(figureLine(locale, c.newSuggestions, model.totals.suggestions));
  out.push(figureLine(locale, c.votes, model.totals.votes));
  out.push(figureLine(locale, c.participants, model.totals.participants), '');
  if (model.empty) out.push(c.nothingNew, '');

  if (model.topics.length) {
    out.push(`## ${c.suggestionsByTopic}`, '');
    for (const { topic, count, suggestions } of model.topics) {
      out.push(`### ${escapeMarkdown(label(locale, 'topics', topic))} (${formatNumber(locale, count)})`, '');
      for (const s of suggestions) {
        const tags = segmentLabels(locale, s);
        const who = s.anonymous ? c.anonymous : s.companyName ? escapeMarkdown(oneLine(s.companyName)) : null;
        const closed = s.replyClosed ? ` _${catalog(locale).privacy.replyWindowPassed}_` : '';
        out.push(`- **${suggestionRef(s.id)}** ${escapeMarkdown(oneLine(s.text))} _(${[who, ...tags].filter(Boolean).join(' · ')})_${closed}`);
      }
      if (count > suggestions.length) out.push(`- ${c.andMore({ count: formatNumber(locale, count - suggestions.length) })} (npx innspill export --format html)`);
      out.push('');
    }
  }

  if (model.polls.length) {
    out.push(`## ${c.polls}`, '');
    for (const p of model.polls) {
      out.push(`### ${escapeMarkdown(oneLine(p.question))} (${p.closed ? c.pollClosed : c.pollOpen}, ${votersText(locale, p)})`, '');
      const note = pollNote(locale, p);
      if (note) out.push(`- _${note}_`);
      for (const o of p.options) {
        out.push(`- \`${bar(o.share)}\` ${percent(o.share)} (${formatNumber(locale, o.count)}) ${escapeMarkdown(oneLine(o.label))}`);
      }
      out.push('');
    }
  }

  const { byArea, byIndustry, bySize } = model.participation;
  if (byArea.length || byIndustry.length || bySize.length) {
    out.push(`## ${c.participation}`, '');
    out.push(`### ${c.byArea}`, '', ...shareLines(locale, 'areas', byArea), '');
    out.push(`### ${c.byIndustry}`, '', ...shareLines(locale, 'industries', byIndustry), '');
    out.push(`### ${c.bySize}`, '', ...shareLines(locale, 'sizes', bySize), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
