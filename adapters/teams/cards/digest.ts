import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { bar, formatDate, oneLine } from '../../../src/digest/format.ts';
import type { AttentionItem, DigestModel, DigestPeriod, DigestSuggestion, DigestTheme, Share } from '../../../src/digest/model.ts';
import { areasText, brief, closingText, optionResult, pollSegmentText, pollStatus, reasonsText, similarText, suggestionTags, themeCount, totalsLine } from '../../../src/digest/phrases.ts';
import { pollNote, shareAmount, shareName } from '../../../src/digest/published-text.ts';
import { catalog, formatNumber, label as listLabel, type Locale } from '../../../src/i18n/index.ts';
import { adaptiveCard, execute, label, plain, run, type AdaptiveCard, type Element } from './elements.ts';
import { VERBS } from './forms.ts';
import { reviewAttention, statusChangeSections, waitingLine } from './follow-up.ts';
import { packCards, type Section } from './pack.ts';
import { surveyItems } from './digest-surveys.ts';

export interface DigestCardOptions {
  locale: Locale;
  timeZone: string;
}

/** What a "see all" button carries: enough to ask the core for one page of one topic in one period. */
export interface TopicPage {
  topic: string;
  start: number;
  end: number;
  page: number;
}

export const topicPageData = (topic: string, period: DigestPeriod, page: number): TopicPage => ({ topic, start: period.start.getTime(), end: period.end.getTime(), page });

export function periodText(locale: Locale, period: DigestPeriod, timeZone: string): { from: string; to: string } {
  return { from: formatDate(locale, period.start, timeZone), to: formatDate(locale, period.end, timeZone) };
}

/** A topic's name as people see it; operators name their own topics, so it is shown as plain text. */
export function topicName(locale: Locale, topic: string): string {
  return listLabel(locale, 'topics', topic);
}

/** A heading that reads as one: Teams draws TextBlock sizes from its host config, Large for the title. */
export function heading(text: string, size: 'Large' | 'Medium' = 'Medium'): Element {
  return { type: 'TextBlock', text, wrap: true, weight: 'Bolder', size, style: 'heading' };
}

/**
 * One suggestion on one line in a list: reference, the text cut short and its tags, and behind "…"
 * the whole text with the button to answer its sender (Action.ShowCard: no round trip to open it).
 */
export function suggestionItem(locale: Locale, s: DigestSuggestion): Element {
  const c = catalog(locale);
  const short = brief(s.text);
  return {
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [plain([run(`${suggestionRef(s.id)} `, { weight: 'Bolder' }), run(`${short} `), run(suggestionTags(locale, s), { subtle: true, size: 'Small' })])] },
          {
            type: 'Column',
            width: 'auto',
            items: [
              {
                type: 'ActionSet',
                actions: [
                  {
                    type: 'Action.ShowCard',
                    title: '…',
                    tooltip: c.summary.moreActions,
                    // Past the reply window an anonymous sender cannot be reached: the card says so instead of offering a reply.
                    card: s.replyClosed
                      ? adaptiveCard([...(short === oneLine(s.text) ? [] : [plain([run(s.text)])]), label(c.privacy.replyWindowPassed, { subtle: true })])
                      : adaptiveCard([...(short === oneLine(s.text) ? [] : [plain([run(s.text)])])], [execute(c.digest.reply, VERBS.digestReply, { suggestionId: s.id })]),
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

function attentionItem(locale: Locale, timeZone: string, model: DigestModel, item: AttentionItem): Element {
  const { digest: c, summary: sm } = catalog(locale);
  const body = (lead: Element[], note: string, action: Element): Element => ({
    type: 'Container',
    separator: true,
    items: [plain(lead), plain([run(note, { subtle: true, size: 'Small' })], { spacing: 'None' }), { type: 'ActionSet', actions: [action] }],
  });
  switch (item.kind) {
    case 'review':
      return reviewAttention(locale, item.suggestion);
    case 'answer': {
      const s = item.suggestion;
      return body([run(`${suggestionRef(s.id)} `, { weight: 'Bolder' }), run(oneLine(item.text))], `${catalog(locale).followUp.answerNote} · ${brief(s.text, 120)}`, execute(c.reply, VERBS.digestReply, { suggestionId: s.id }));
    }
    case 'addressed': {
      const s = item.suggestion;
      return body([run(`${suggestionRef(s.id)} `, { weight: 'Bolder' }), run(oneLine(s.text))], `${suggestionTags(locale, s)} – ${reasonsText(locale, item.reasons)}`, execute(c.reply, VERBS.digestReply, { suggestionId: s.id }));
    }
    case 'similar': {
      const s = item.suggestion;
      return body(
        [run(`${suggestionRef(s.id)} `, { weight: 'Bolder' }), run(brief(s.text, 200))],
        `${similarText(locale, item.similarIds.length)}: ${item.similarIds.map(suggestionRef).join(', ')}`,
        execute(sm.seeSimilar, VERBS.digestSeeAll, { ...topicPageData(s.topic, model.period, 0) }),
      );
    }
    case 'closingPoll':
      return body([run(oneLine(item.question), { weight: 'Bolder' })], closingText(locale, item.closesAt, item.voters, timeZone), execute(sm.closePoll, VERBS.digestClosePoll, { pollId: item.pollId }));
  }
}

function themeItem(locale: Locale, model: DigestModel, theme: DigestTheme): Element {
  return {
    type: 'Container',
    separator: true,
    items: [
      plain([run(topicName(locale, theme.topic), { weight: 'Bolder' }), run(` – ${themeCount(locale, theme)}`)]),
      plain([run(areasText(locale, theme.areas), { subtle: true, size: 'Small' })], { spacing: 'None' }),
      ...theme.samples.map((x) => plain([run(`${suggestionRef(x.id)} `, { weight: 'Bolder' }), run(brief(x.text, 140))])),
      { type: 'ActionSet', actions: [execute(catalog(locale).digest.seeAll, VERBS.digestSeeAll, { ...topicPageData(theme.topic, model.period, 0) })] },
    ],
  };
}

function pollItem(locale: Locale, poll: DigestModel['polls'][number]): Element {
  const note = pollNote(locale, poll);
  return {
    type: 'Container',
    separator: true,
    items: [
      plain([run(poll.question, { weight: 'Bolder' })]),
      plain([run(pollStatus(locale, poll), { subtle: true, size: 'Small' })], { spacing: 'None' }),
      ...(note ? [plain([run(note, { subtle: true })], { spacing: 'None' })] : []),
      ...poll.options.map((o) => plain([run(`${bar(o.share)} `, { monospace: true }), run(`${o.label}: `), run(optionResult(locale, o, poll), { subtle: true })], { spacing: 'None' })),
      // By area only: a week's summary must stay one card; industry and size are in the Markdown digest and the report.
      ...(poll.segments ?? []).filter((cut) => cut.dimension === 'area').map((cut) => plain([run(pollSegmentText(locale, poll, cut), { subtle: true, size: 'Small' })], { spacing: 'None' })),
    ],
  };
}

function sharesLine(locale: Locale, title: string, list: 'areas' | 'industries' | 'sizes', shares: Share[]): Element {
  const text = shares.map((s) => `${shareName(locale, list, s)} ${shareAmount(locale, s)}`).join(' · ');
  return plain([run(`${title}: `, { weight: 'Bolder' }), run(text)]);
}

/** Items of "needs you" on the card; the rest are counted there and found in the lists. */
export const ATTENTION_SHOWN = 10;

/**
 * The weekly digest as an Adaptive Card (1.5): the title once, the figures, what needs a member
 * (each with its button), the topics in brief with "see all" for the compact list, polls and
 * participation, each part under its own heading. A week's summary fits one card; a larger one
 * takes as many as stay under Teams' size limit, numbered. User text (suggestions, company names,
 * poll questions and options, topic names) goes only into TextRuns, which Teams never reads as Markdown.
 */
export function digestCards(model: DigestModel, { locale, timeZone }: DigestCardOptions): AdaptiveCard[] {
  const { digest: c, teams: t, summary: sm } = catalog(locale);
  const title = c.title(periodText(locale, model.period, timeZone));
  const part = (name: string, items: Element[]): Section => ({ heading: [heading(name)], continued: [heading(t.continued({ heading: name }))], items });
  const attention = model.attention.slice(0, ATTENTION_SHOWN).map((item) => attentionItem(locale, timeZone, model, item));
  if (!model.attention.length) attention.push(label(sm.attentionNone));
  if (model.attention.length > ATTENTION_SHOWN) attention.push(label(sm.attentionMore({ count: formatNumber(locale, model.attention.length - ATTENTION_SHOWN) }), { subtle: true }));
  const sections: Section[] = [
    { heading: [heading(title, 'Large')], items: [label(totalsLine(locale, model.totals), { subtle: true }), ...(model.empty ? [label(c.nothingNew)] : [])] },
    part(`${sm.attention} (${formatNumber(locale, model.attention.length)})`, [...waitingLine(model, locale), ...attention]),
    ...statusChangeSections(model, locale),
  ];
  if (model.themes.length) sections.push(part(sm.themes, model.themes.map((theme) => themeItem(locale, model, theme))));
  if (model.polls.length) sections.push(part(c.polls, model.polls.map((p) => pollItem(locale, p))));
  if (model.surveys?.length) sections.push(part(catalog(locale).surveyResults.heading, surveyItems(model, locale, timeZone)));
  const { byArea, byIndustry, bySize } = model.participation;
  const shares = ([[c.byArea, 'areas', byArea], [c.byIndustry, 'industries', byIndustry], [c.bySize, 'sizes', bySize]] as const).filter(([, , items]) => items.length);
  if (shares.length) sections.push(part(c.participation, shares.map(([name, list, items]) => sharesLine(locale, name, list, items))));
  return packCards(sections, (n, total) => label(`${title} · ${t.digestPart({ n, total })}`, { subtle: true }));
}
