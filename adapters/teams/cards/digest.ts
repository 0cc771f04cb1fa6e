import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { bar, formatDate, oneLine, percent } from '../../../src/digest/format.ts';
import { countText, figureText, pollNote, segmentLabels, shareName, votersText } from '../../../src/digest/published-text.ts';
import type { DigestModel, DigestPeriod, DigestSuggestion, Figure, Share } from '../../../src/digest/model.ts';
import { catalog, formatNumber, label as listLabel, type Locale } from '../../../src/i18n/index.ts';
import { execute, label, plain, run, type AdaptiveCard, type Element } from './elements.ts';
import { VERBS } from './forms.ts';
import { packCards, type Section } from './pack.ts';

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

/** One suggestion: reference and text, who and which segment, and the button to answer its sender. */
export function suggestionItem(locale: Locale, s: DigestSuggestion): Element {
  const c = catalog(locale).digest;
  const who = s.anonymous ? c.anonymous : s.companyName ? oneLine(s.companyName) : null;
  const tags = [who, ...segmentLabels(locale, s)];
  return {
    type: 'Container',
    separator: true,
    items: [
      plain([run(`${suggestionRef(s.id)} `, { weight: 'Bolder' }), run(s.text)]),
      plain([run(tags.filter(Boolean).join(' · '), { subtle: true, size: 'Small' })], { spacing: 'None' }),
      s.replyClosed
        ? label(catalog(locale).privacy.replyWindowPassed, { subtle: true })
        : { type: 'ActionSet', actions: [execute(c.reply, VERBS.digestReply, { suggestionId: s.id })] },
    ],
  };
}

function figureLine(locale: Locale, name: string, f: Figure): Element {
  return label(`**${name}:** ${figureText(locale, f)}`);
}

function topicSection(locale: Locale, model: DigestModel, topic: DigestModel['topics'][number], first: boolean): Section {
  const { digest: c, teams: t } = catalog(locale);
  const name = topicName(locale, topic.topic);
  const head = plain([run(`${name} (${formatNumber(locale, topic.count)})`, { weight: 'Bolder' })]);
  const items = topic.suggestions.map((s) => suggestionItem(locale, s));
  const more = topic.count - topic.suggestions.length;
  if (more > 0) {
    items.push({
      type: 'Container',
      items: [
        label(c.andMore({ count: formatNumber(locale, more) }), { subtle: true }),
        { type: 'ActionSet', actions: [execute(c.seeAll, VERBS.digestSeeAll, { ...topicPageData(topic.topic, model.period, 0) })] },
      ],
    });
  }
  return {
    heading: first ? [label(c.suggestionsByTopic, { heading: true }), head] : [head],
    continued: [plain([run(t.continued({ heading: name }), { weight: 'Bolder' })])],
    items,
  };
}

function pollItem(locale: Locale, poll: DigestModel['polls'][number]): Element {
  const c = catalog(locale).digest;
  const status = `${poll.closed ? c.pollClosed : c.pollOpen} · ${votersText(locale, poll)}`;
  const note = pollNote(locale, poll);
  return {
    type: 'Container',
    separator: true,
    items: [
      plain([run(poll.question, { weight: 'Bolder' })]),
      plain([run(status, { subtle: true, size: 'Small' })], { spacing: 'None' }),
      ...(note ? [plain([run(note, { subtle: true })], { spacing: 'None' })] : []),
      ...poll.options.map((o) =>
        plain([run(`${bar(o.share)} `, { monospace: true }), run(`${percent(o.share)} (${formatNumber(locale, o.count)}) `), run(o.label)], { spacing: 'None' }),
      ),
    ],
  };
}

function sharesItem(locale: Locale, heading: string, list: 'areas' | 'industries' | 'sizes', shares: Share[]): Element {
  return {
    type: 'Container',
    items: [
      label(heading, { heading: true }),
      ...shares.map((s) =>
        s.fewerThan === undefined
          ? plain([run(`${bar(s.share)} `, { monospace: true }), run(`${percent(s.share)} (${formatNumber(locale, s.count)}) `), run(shareName(locale, list, s))], { spacing: 'None' })
          : plain([run(`${countText(locale, s)} `), run(shareName(locale, list, s))], { spacing: 'None' }),
      ),
    ],
  };
}

/**
 * The weekly digest as Adaptive Cards (1.5), with the content of the Markdown digest: as many cards
 * as it takes to stay under Teams' size limit, each one whole, numbered when there is more than one.
 * User text (suggestions, company names, poll questions and options, topic names) goes only into
 * TextRuns, which Teams never reads as Markdown.
 */
export function digestCards(model: DigestModel, { locale, timeZone }: DigestCardOptions): AdaptiveCard[] {
  const { digest: c, teams: t } = catalog(locale);
  const title = c.title(periodText(locale, model.period, timeZone));
  const sections: Section[] = [
    {
      heading: [label(title, { heading: true }), label(c.totals, { heading: true })],
      items: [
        figureLine(locale, c.newSuggestions, model.totals.suggestions),
        figureLine(locale, c.votes, model.totals.votes),
        figureLine(locale, c.participants, model.totals.participants),
        ...(model.empty ? [label(c.nothingNew)] : []),
      ],
    },
    ...model.topics.map((topic, i) => topicSection(locale, model, topic, i === 0)),
  ];
  if (model.polls.length) {
    sections.push({
      heading: [label(c.polls, { heading: true })],
      continued: [label(t.continued({ heading: c.polls }), { heading: true })],
      items: model.polls.map((p) => pollItem(locale, p)),
    });
  }
  const { byArea, byIndustry, bySize } = model.participation;
  if (byArea.length || byIndustry.length || bySize.length) {
    sections.push({
      heading: [label(c.participation, { heading: true })],
      continued: [label(t.continued({ heading: c.participation }), { heading: true })],
      items: [sharesItem(locale, c.byArea, 'areas', byArea), sharesItem(locale, c.byIndustry, 'industries', byIndustry), sharesItem(locale, c.bySize, 'sizes', bySize)],
    });
  }
  return packCards(sections, (n, total) => label(`${title} · ${t.digestPart({ n, total })}`, { subtle: true }));
}
