import { bar, formatDate, oneLine, percent } from '../../../src/digest/format.ts';
import { figureText, pollNote, segmentLabels, shareAmount, shareName, votersText } from '../../../src/digest/published-text.ts';
import type { DigestModel, DigestPeriod, DigestSuggestion, Figure, Share } from '../../../src/digest/model.ts';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { catalog, formatNumber, label, type Locale } from '../../../src/i18n/index.ts';
import type { SlackMessage } from './poll.ts';
import { escapedWithin, escapeMrkdwn, plain, section, LIMITS } from './text.ts';

export const DIGEST_ACTIONS = {
  reply: 'innspill_digest_reply',
  seeAll: 'innspill_digest_see_all',
  previous: 'innspill_digest_previous',
  next: 'innspill_digest_next',
} as const;

/**
 * What one digest message may hold. Slack refuses more than 50 blocks; it documents no total for
 * the text of a message's blocks, but long messages get `msg_too_long` or are collapsed, so each
 * part keeps its text under 12,000 characters.
 */
export const DIGEST_BUDGET = { blocks: LIMITS.messageBlocks, text: 12_000 } as const;

/** A suggestion's text in the digest: long enough to judge it, short enough to read the week. */
const DIGEST_TEXT_MAX = 1200;

/** What a "see all" button asks for: one topic of one period (ms since the epoch), a page of it. */
export interface SeeAllTarget {
  topic: string;
  start: number;
  end: number;
  /** The topic's total in the digest, so the list knows whether there is a next page. */
  count: number;
  page: number;
}

export function seeAllValue(target: SeeAllTarget): string {
  return JSON.stringify({ t: target.topic, s: target.start, e: target.end, n: target.count, p: target.page });
}

type Block = Record<string, unknown>;

function replyButton(locale: Locale, suggestionId: number): Block {
  return { type: 'button', action_id: DIGEST_ACTIONS.reply, text: plain(catalog(locale).digest.reply, LIMITS.buttonText), value: String(suggestionId) };
}

/** Segment tags of a suggestion: who (a company, "anonymous" or nobody) · area · industry · size. */
function tags(locale: Locale, s: DigestSuggestion): string {
  const who = s.anonymous ? catalog(locale).digest.anonymous : s.companyName ? oneLine(s.companyName) : null;
  const list = [who, ...segmentLabels(locale, s)];
  return list.filter(Boolean).join(' · ');
}

/** One suggestion as a section with its Reply button; `max` bounds the text, never the tags. */
export function suggestionBlock(locale: Locale, s: DigestSuggestion, max: number): Block {
  const text = `*${suggestionRef(s.id)}* ${escapedWithin(oneLine(s.text), max)}\n_${escapeMrkdwn(tags(locale, s))}_`;
  if (s.replyClosed) return section(`${text}\n_${escapeMrkdwn(catalog(locale).privacy.replyWindowPassed)}_`);
  return { ...section(text), accessory: replyButton(locale, s.id) };
}

export function periodText(locale: Locale, period: DigestPeriod, timeZone: string): { from: string; to: string } {
  return { from: formatDate(locale, period.start, timeZone), to: formatDate(locale, period.end, timeZone) };
}

/** Lines packed into as few sections as fit 3000 characters each; a line is never split. */
function sections(lines: string[]): Block[] {
  const out: Block[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (current && [...next].length > LIMITS.text) {
      out.push(section(current));
      current = line;
    } else current = next;
  }
  if (current) out.push(section(current));
  return out;
}

/** Blocks that belong together, and the heading a part repeats when it starts among them. */
interface Unit {
  blocks: Block[];
  continues?: Block;
}

function digestUnits(model: DigestModel, locale: Locale, timeZone: string): Unit[] {
  const c = catalog(locale).digest;
  const s = catalog(locale).slack;
  const units: Unit[] = [];
  const add = (...blocks: Block[]) => units.push({ blocks });
  const heading = (text: string) => add({ type: 'divider' }, section(`*${escapeMrkdwn(text)}*`));

  add({ type: 'header', text: plain(c.title(periodText(locale, model.period, timeZone)), LIMITS.header) });
  const figure = (name: string, f: Figure) => ({ type: 'mrkdwn', text: `*${escapeMrkdwn(name)}*\n${escapeMrkdwn(figureText(locale, f))}` });
  const { totals } = model;
  add({
    ...section(`*${escapeMrkdwn(c.totals)}*`),
    fields: [figure(c.newSuggestions, totals.suggestions), figure(c.votes, totals.votes), figure(c.participants, totals.participants)],
  });
  if (model.empty) add(section(escapeMrkdwn(c.nothingNew)));

  if (model.topics.length) heading(c.suggestionsByTopic);
  for (const { topic, count, suggestions } of model.topics) {
    const name = escapeMrkdwn(label(locale, 'topics', topic));
    add(section(`*${name}* (${formatNumber(locale, count)})`));
    const continues = section(`*${escapeMrkdwn(s.digestContinued({ topic: label(locale, 'topics', topic) }))}*`);
    for (const suggestion of suggestions) units.push({ blocks: [suggestionBlock(locale, suggestion, DIGEST_TEXT_MAX)], continues });
    if (count > suggestions.length) {
      const target = { topic, start: model.period.start.getTime(), end: model.period.end.getTime(), count, page: 0 };
      units.push({
        blocks: [
          {
            ...section(escapeMrkdwn(c.andMore({ count: formatNumber(locale, count - suggestions.length) }))),
            accessory: { type: 'button', action_id: DIGEST_ACTIONS.seeAll, text: plain(c.seeAll, LIMITS.buttonText), value: seeAllValue(target) },
          },
        ],
        continues,
      });
    }
  }

  if (model.polls.length) heading(c.polls);
  for (const p of model.polls) {
    const status = `${p.closed ? c.pollClosed : c.pollOpen}, ${votersText(locale, p)}`;
    const note = pollNote(locale, p);
    const lines = p.options.map((o) => `\`${bar(o.share)}\` ${percent(o.share)} (${formatNumber(locale, o.count)}) ${escapeMrkdwn(oneLine(o.label))}`);
    add(section([`*${escapeMrkdwn(oneLine(p.question))}* (${escapeMrkdwn(status)})`, ...(note ? [`_${escapeMrkdwn(note)}_`] : []), ...lines].join('\n')));
  }

  const { byArea, byIndustry, bySize } = model.participation;
  if (byArea.length || byIndustry.length || bySize.length) {
    heading(c.participation);
    const shares = (title: string, list: 'areas' | 'industries' | 'sizes', items: Share[]) => [
      `_${escapeMrkdwn(title)}_`,
      ...items.map((x) => `• ${escapeMrkdwn(shareName(locale, list, x))}: ${escapeMrkdwn(shareAmount(locale, x))}`),
    ];
    for (const [title, list, items] of [[c.byArea, 'areas', byArea], [c.byIndustry, 'industries', byIndustry], [c.bySize, 'sizes', bySize]] as const) {
      if (items.length) add(...sections(shares(title, list, items)));
    }
  }
  return units;
}

/** Characters of every text object in a block tree: what the budget counts. */
export function textLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + textLength(x), 0);
  if (typeof node !== 'object' || node === null) return 0;
  const o = node as Record<string, unknown>;
  const own = (o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string' ? [...o.text].length : 0;
  return own + Object.values(o).reduce((n: number, v) => n + (typeof v === 'object' ? textLength(v) : 0), 0);
}

/** Room kept in every part for the "part 2 of 3" line. */
const PART_NOTE = { blocks: 1, text: 100 };

/**
 * Fills parts in order, starting a new one whenever the next unit would break the budget; a part
 * that starts inside a topic repeats the topic's name. Every unit lands in exactly one part, so
 * nothing is cut: a digest too long for one message becomes several.
 */
function pack(units: Unit[]): Block[][] {
  const maxBlocks = DIGEST_BUDGET.blocks - PART_NOTE.blocks;
  const maxText = DIGEST_BUDGET.text - PART_NOTE.text;
  const parts: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const unit of units) {
    const cost = textLength(unit.blocks);
    if (current.length && (current.length + unit.blocks.length > maxBlocks || size + cost > maxText)) {
      parts.push(current);
      current = unit.continues ? [unit.continues] : [];
      size = textLength(current);
    }
    current.push(...unit.blocks);
    size += cost;
  }
  if (current.length) parts.push(current);
  return parts;
}

/**
 * The weekly digest in Block Kit: a header with the period, the figures with their change from the
 * previous period, new suggestions by topic with segment tags and a Reply button each, "see all"
 * where a topic has more than are listed, polls with bars, and participation by segment. User text
 * is escaped. A long digest comes back as several messages, to be posted in order.
 */
export function renderDigest(model: DigestModel, locale: Locale, timeZone: string): SlackMessage[] {
  const title = escapeMrkdwn(catalog(locale).digest.title(periodText(locale, model.period, timeZone)));
  const parts = pack(digestUnits(model, locale, timeZone));
  if (parts.length === 1) return [{ text: title, blocks: parts[0]! }];
  return parts.map((blocks, i) => {
    const note = catalog(locale).slack.digestPart({ part: formatNumber(locale, i + 1), total: formatNumber(locale, parts.length) });
    return { text: `${title} (${escapeMrkdwn(note)})`, blocks: [...blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(note) }] }] };
  });
}
