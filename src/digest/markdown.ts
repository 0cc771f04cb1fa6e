import { catalog, countOf, formatNumber, label, type Locale } from '../i18n/index.ts';
import { suggestionRef } from '../domain/suggestion.ts';
import { bar, formatDate, oneLine } from './format.ts';
import type { AttentionItem, DigestModel, DigestSuggestion, Share } from './model.ts';
import { pollNote, shareAmount, shareName } from './published-text.ts';
import { followUpText } from './follow-up-markdown.ts';
import { surveysText } from './survey-phrases.ts';
import { areasText, brief, closingText, optionResult, pollSegmentText, pollStatus, reasonsText, similarText, suggestionTags, themeCount, totalsLine } from './phrases.ts';

/**
 * Makes user text inert in CommonMark (and GitHub's extensions) while keeping it readable: only the
 * characters that could start markup where the digest puts user text (always inside a line, after
 * our own words) are escaped: emphasis, code, links and images, strikethrough, raw HTML and entities.
 * A full stop, a hyphen or a bracket on its own is left alone.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]~<]|&(?=#?[a-z0-9]+;)/giu, (ch) => (ch === '<' ? '&lt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

export type DigestTextFormat = 'md' | 'text';

export interface RenderOptions {
  locale: Locale;
  timeZone: string;
  /** `md` (default) for pasting anywhere Markdown is read; `text` for a terminal, with no markup at all. */
  format?: DigestTextFormat;
}

/** The few pieces of markup the digest uses, written either as Markdown or as plain text. */
export interface Dialect {
  user(text: string): string;
  strong(text: string): string;
  code(text: string): string;
  heading(level: 1 | 2 | 3, text: string): string[];
  bullet: string;
}

const markdown: Dialect = {
  user: escapeMarkdown,
  strong: (t) => `**${t}**`,
  code: (t) => `\`${t}\``,
  heading: (level, t) => [`${'#'.repeat(level)} ${t}`, ''],
  bullet: '-',
};

const plainText: Dialect = {
  user: (t) => t,
  strong: (t) => t,
  code: (t) => t,
  heading: (level, t) => (level === 3 ? [t] : [t, (level === 1 ? '=' : '-').repeat([...t].length), '']),
  bullet: '•',
};

function attentionLine(d: Dialect, locale: Locale, timeZone: string, item: AttentionItem): string {
  const ref = (s: DigestSuggestion) => `${d.strong(suggestionRef(s.id))} ${d.user(oneLine(s.text))}`;
  switch (item.kind) {
    case 'review':
      return `${d.bullet} ${ref(item.suggestion)} (${d.user(suggestionTags(locale, item.suggestion))}) – ${catalog(locale).followUp.reviewNote}`;
    case 'answer':
      return `${d.bullet} ${d.strong(suggestionRef(item.suggestion.id))} ${catalog(locale).followUp.answerNote}: «${d.user(oneLine(item.text))}»`;
    case 'addressed':
      return `${d.bullet} ${ref(item.suggestion)} (${d.user(suggestionTags(locale, item.suggestion))}) – ${reasonsText(locale, item.reasons)}`;
    case 'similar':
      return `${d.bullet} ${ref(item.suggestion)} – ${similarText(locale, item.similarIds.length)} (${item.similarIds.map(suggestionRef).join(', ')})`;
    case 'closingPoll':
      return `${d.bullet} ${d.strong(d.user(oneLine(item.question)))} – ${closingText(locale, item.closesAt, item.voters, timeZone)}`;
  }
}

function shareLine(locale: Locale, list: 'areas' | 'industries' | 'sizes', shares: Share[]): string {
  return shares.map((s) => `${shareName(locale, list, s)} ${shareAmount(locale, s)}`).join(' · ');
}

/**
 * The digest as text: what `innspill digest --preview` prints (plain in a terminal, Markdown for
 * pasting). Same order as in Slack and Teams: figures, what needs a member, the topics in brief,
 * polls, participation, and the full list with one line per suggestion.
 */
export function renderDigestMarkdown(model: DigestModel, { locale, timeZone, format = 'md' }: RenderOptions): string {
  const d = format === 'md' ? markdown : plainText;
  const { digest: c, summary: s } = catalog(locale);
  const out: string[] = [];
  out.push(...d.heading(1, c.title({ from: formatDate(locale, model.period.start, timeZone), to: formatDate(locale, model.period.end, timeZone) })));
  out.push(totalsLine(locale, model.totals), '');
  if (model.empty) out.push(c.nothingNew, '');

  out.push(...d.heading(2, `${s.attention} (${formatNumber(locale, model.attention.length)})`));
  out.push(...(model.attention.length ? model.attention.map((item) => attentionLine(d, locale, timeZone, item)) : [s.attentionNone]), '');
  out.push(...followUpText(model, locale, d));

  if (model.themes.length) {
    out.push(...d.heading(2, s.themes));
    for (const theme of model.themes) {
      out.push(...d.heading(3, `${d.user(label(locale, 'topics', theme.topic))} – ${themeCount(locale, theme)}`));
      out.push(d.user(areasText(locale, theme.areas)));
      for (const x of theme.samples) out.push(`${d.bullet} ${d.strong(suggestionRef(x.id))} ${d.user(brief(x.text, 280))}`);
      out.push('');
    }
  }

  if (model.polls.length) {
    out.push(...d.heading(2, c.polls));
    for (const p of model.polls) {
      out.push(`${d.strong(d.user(oneLine(p.question)))} (${pollStatus(locale, p)})`);
      const note = pollNote(locale, p);
      if (note) out.push(`${d.bullet} ${note}`);
      for (const o of p.options) out.push(`${d.bullet} ${d.code(bar(o.share))} ${optionResult(locale, o, p)} ${d.user(oneLine(o.label))}`);
      for (const cut of p.segments ?? []) out.push(`${d.bullet} ${d.user(oneLine(pollSegmentText(locale, p, cut)))}`);
      out.push('');
    }
  }

  out.push(...surveysText(model, locale, timeZone, d));

  const { byArea, byIndustry, bySize } = model.participation;
  if (byArea.length || byIndustry.length || bySize.length) {
    out.push(...d.heading(2, c.participation));
    for (const [title, list, shares] of [[c.byArea, 'areas', byArea], [c.byIndustry, 'industries', byIndustry], [c.bySize, 'sizes', bySize]] as const) {
      if (shares.length) out.push(`${d.bullet} ${title}: ${d.user(shareLine(locale, list, shares))}`);
    }
    out.push('');
  }

  if (model.topics.length) {
    out.push(...d.heading(2, s.fullList));
    for (const { topic, count, suggestions } of model.topics) {
      out.push(...d.heading(3, `${d.user(label(locale, 'topics', topic))} (${countOf(locale, count, s.nouns.suggestion)})`));
      for (const x of suggestions) {
        const closed = x.replyClosed ? ` – ${catalog(locale).privacy.replyWindowPassed}` : '';
        out.push(`${d.bullet} ${d.strong(suggestionRef(x.id))} ${d.user(brief(x.text))} (${d.user(suggestionTags(locale, x))})${closed}`);
      }
      if (count > suggestions.length) out.push(`${d.bullet} ${c.andMore({ count: formatNumber(locale, count - suggestions.length) })} (npx innspill export --format html)`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
