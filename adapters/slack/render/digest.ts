import type { DigestPacker } from '../../../src/outbox/parts.ts';
import { bar, formatDate, oneLine } from '../../../src/digest/format.ts';
import type { AttentionItem, DigestModel, DigestPeriod, DigestSuggestion, Share } from '../../../src/digest/model.ts';
import { areasText, brief, closingText, optionResult, pollSegmentText, pollStatus, reasonsText, similarText, suggestionTags, themeCount, totalsLine } from '../../../src/digest/phrases.ts';
import { pollNote, shareAmount, shareName } from '../../../src/digest/published-text.ts';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { reviewAttention, statusChangesText, waitingText } from './follow-up.ts';
import { surveyBlocks } from './digest-surveys.ts';
import { catalog, formatNumber, label, type Locale } from '../../../src/i18n/index.ts';
import { ACTIONS, type SlackMessage } from './poll.ts';
import { escapedWithin, escapeMrkdwn, plain, section, LIMITS } from './text.ts';

export const DIGEST_ACTIONS = {
  reply: 'innspill_digest_reply',
  seeAll: 'innspill_digest_see_all',
  previous: 'innspill_digest_previous',
  next: 'innspill_digest_next',
  /** The "…" menu of a suggestion in a list. */
  more: 'innspill_digest_more',
} as const;

/**
 * What one digest message may hold. Slack refuses more than 50 blocks; it documents no total for
 * the text of a message's blocks, but long messages get `msg_too_long` or are collapsed, so each
 * part keeps its text under 12,000 characters.
 */
export const DIGEST_BUDGET = { blocks: LIMITS.messageBlocks, text: 12_000 } as const;

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

/** The "…" menu of a suggestion in a list: answer its sender, or read the whole text. */
export function suggestionMenu(locale: Locale, suggestionId: number, canReply = true): Block {
  const option = (text: string, value: string) => ({ text: plain(text, LIMITS.optionText), value });
  return {
    type: 'overflow',
    action_id: DIGEST_ACTIONS.more,
    options: [
      // Past the reply window an anonymous sender cannot be reached: no reply to offer.
      ...(canReply ? [option(catalog(locale).digest.reply, `reply:${suggestionId}`)] : []),
      option(catalog(locale).summary.showAll, `full:${suggestionId}`),
    ],
  };
}

/** One suggestion on one line (cut short, the whole text one click away), its tags, and the "…" menu. */
export function suggestionLine(locale: Locale, s: DigestSuggestion, max = 150): Block {
  const closed = s.replyClosed ? ` _${escapeMrkdwn(catalog(locale).privacy.replyWindowPassed)}_` : '';
  return { ...section(`*${suggestionRef(s.id)}* ${escapedWithin(brief(s.text, max), max + 20)}  _${escapeMrkdwn(suggestionTags(locale, s))}_${closed}`), accessory: suggestionMenu(locale, s.id, !s.replyClosed) };
}

/** A suggestion in full, with its Reply button: what "show the whole text" opens. */
export function suggestionBlock(locale: Locale, s: DigestSuggestion, max: number): Block {
  const text = `*${suggestionRef(s.id)}* ${escapedWithin(oneLine(s.text), max)}\n_${escapeMrkdwn(suggestionTags(locale, s))}_`;
  if (s.replyClosed) return section(`${text}\n_${escapeMrkdwn(catalog(locale).privacy.replyWindowPassed)}_`);
  return { ...section(text), accessory: replyButton(locale, s.id) };
}

export function periodText(locale: Locale, period: DigestPeriod, timeZone: string): { from: string; to: string } {
  return { from: formatDate(locale, period.start, timeZone), to: formatDate(locale, period.end, timeZone) };
}

/** Blocks that belong together in one message. */
interface Unit {
  blocks: Block[];
}

/** Items shown in "needs you"; the rest are counted, and all are in the full list. */
export const ATTENTION_SHOWN = 10;

function seeAllButton(locale: Locale, model: DigestModel, topic: string, count: number, text = catalog(locale).digest.seeAll): Block {
  const target = { topic, start: model.period.start.getTime(), end: model.period.end.getTime(), count, page: 0 };
  return { type: 'button', action_id: DIGEST_ACTIONS.seeAll, text: plain(text, LIMITS.buttonText), value: seeAllValue(target) };
}

/** One thing that needs a member, with the button (or, for review, the buttons) that act on it. */
function attentionBlocks(locale: Locale, timeZone: string, model: DigestModel, item: AttentionItem): Block[] {
  const c = catalog(locale).summary;
  switch (item.kind) {
    case 'review':
      return reviewAttention(locale, item.suggestion);
    case 'answer': {
      const s = item.suggestion;
      const text = `*${suggestionRef(s.id)}* ${escapedWithin(oneLine(item.text), 600)}\n_${escapeMrkdwn(`${catalog(locale).followUp.answerNote} · ${brief(s.text, 120)}`)}_`;
      return [{ ...section(text), accessory: replyButton(locale, s.id) }];
    }
    case 'addressed': {
      const s = item.suggestion;
      const text = `*${suggestionRef(s.id)}* ${escapedWithin(oneLine(s.text), 600)}\n_${escapeMrkdwn(`${suggestionTags(locale, s)} – ${reasonsText(locale, item.reasons)}`)}_`;
      return [{ ...section(text), accessory: replyButton(locale, s.id) }];
    }
    case 'similar': {
      const s = item.suggestion;
      const count = model.topics.find((t) => t.topic === s.topic)?.count ?? 0;
      const text = `*${suggestionRef(s.id)}* ${escapedWithin(brief(s.text, 200), 300)}\n_${escapeMrkdwn(`${similarText(locale, item.similarIds.length)}: ${item.similarIds.map(suggestionRef).join(', ')}`)}_`;
      return [{ ...section(text), accessory: seeAllButton(locale, model, s.topic, count, c.seeSimilar) }];
    }
    case 'closingPoll':
      return [
        {
          ...section(`*${escapeMrkdwn(oneLine(item.question))}*\n_${escapeMrkdwn(closingText(locale, item.closesAt, item.voters, timeZone))}_`),
          accessory: { type: 'button', action_id: ACTIONS.close, value: String(item.pollId), text: plain(c.closePoll, LIMITS.buttonText) },
        },
      ];
  }
}

/**
 * The digest's summary, in the order a member works through it: the figures, what needs them (each
 * with its button), the topics in brief (count, change, where from, three examples, "see all" for
 * the compact list of every suggestion), polls, and participation.
 */
function digestUnits(model: DigestModel, locale: Locale, timeZone: string): Unit[] {
  const { digest: c, summary: sm } = catalog(locale);
  const units: Unit[] = [];
  const add = (...blocks: Block[]) => units.push({ blocks });
  const heading = (text: string) => add({ type: 'divider' }, section(`*${escapeMrkdwn(text)}*`));

  add({ type: 'header', text: plain(c.title(periodText(locale, model.period, timeZone)), LIMITS.header) });
  add({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(totalsLine(locale, model.totals)) }] });
  if (model.empty) add(section(escapeMrkdwn(c.nothingNew)));

  // What waits for review opens "needs you" (see `withFollowUp`); what changed status follows it.
  heading(`${sm.attention} (${formatNumber(locale, model.attention.length)})`);
  const waiting = waitingText(model, locale);
  if (waiting) add({ type: 'context', elements: [{ type: 'mrkdwn', text: waiting }] });
  if (!model.attention.length) add(section(escapeMrkdwn(sm.attentionNone)));
  for (const item of model.attention.slice(0, ATTENTION_SHOWN)) add(...attentionBlocks(locale, timeZone, model, item));
  if (model.attention.length > ATTENTION_SHOWN) {
    add({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(sm.attentionMore({ count: formatNumber(locale, model.attention.length - ATTENTION_SHOWN) })) }] });
  }
  const changes = statusChangesText(model, locale);
  if (changes) add(section(changes));

  if (model.themes.length) heading(sm.themes);
  for (const theme of model.themes) {
    const lines = [
      `*${escapeMrkdwn(label(locale, 'topics', theme.topic))}* – ${escapeMrkdwn(themeCount(locale, theme))}`,
      `_${escapeMrkdwn(areasText(locale, theme.areas))}_`,
      ...theme.samples.map((x) => `• *${suggestionRef(x.id)}* ${escapedWithin(brief(x.text, 200), 300)}`),
    ];
    add({ ...section(lines.join('\n')), accessory: seeAllButton(locale, model, theme.topic, theme.count) });
  }

  if (model.polls.length) heading(c.polls);
  for (const p of model.polls) {
    const note = pollNote(locale, p);
    const lines = p.options.map((o) => `\`${bar(o.share)}\` ${escapeMrkdwn(oneLine(o.label))}: ${escapeMrkdwn(optionResult(locale, o, p))}`);
    // By area (the five former municipalities) in the summary, bounded to stay within a section's
    // 3,000 characters; industry and size are in the Markdown digest and `innspill report`.
    const cuts = (p.segments ?? []).filter((cut) => cut.dimension === 'area').map((cut) => `_${escapedWithin(oneLine(pollSegmentText(locale, p, cut)), 500)}_`);
    add(section([`*${escapeMrkdwn(oneLine(p.question))}* (${escapeMrkdwn(pollStatus(locale, p))})`, ...(note ? [`_${escapeMrkdwn(note)}_`] : []), ...lines, ...cuts].join('\n')));
  }

  const surveys = surveyBlocks(model, locale, timeZone);
  if (surveys.length) heading(catalog(locale).surveyResults.heading);
  for (const blocks of surveys) add(...blocks);

  const { byArea, byIndustry, bySize } = model.participation;
  if (byArea.length || byIndustry.length || bySize.length) {
    heading(c.participation);
    const line = (title: string, list: 'areas' | 'industries' | 'sizes', items: Share[]) =>
      `*${escapeMrkdwn(title)}:* ${escapeMrkdwn(items.map((x) => `${shareName(locale, list, x)} ${shareAmount(locale, x)}`).join(' · '))}`;
    const lines = ([[c.byArea, 'areas', byArea], [c.byIndustry, 'industries', byIndustry], [c.bySize, 'sizes', bySize]] as const).filter(([, , items]) => items.length).map(([t, l, items]) => line(t, l, items));
    add(section(lines.join('\n')));
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

/** Room kept in every part for the "part 2 of 3" line and, after the first, the title again. */
const PART_NOTE = { blocks: 2, text: 100 + LIMITS.header };

/**
 * Fills parts in order, starting a new one whenever the next unit would break the budget. Every
 * unit lands in exactly one part, so nothing is cut: a summary too long for one message (which
 * takes far more than a real week) becomes several.
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
      current = [];
      size = 0;
    }
    current.push(...unit.blocks);
    size += cost;
  }
  if (current.length) parts.push(current);
  return parts;
}

/**
 * The weekly digest in Block Kit: the summary (see `digestUnits`) in one message, the full list of
 * suggestions one "see all" away. User text is escaped. A summary too long for one message comes
 * back as several, to be posted in order.
 */
export function renderDigest(model: DigestModel, locale: Locale, timeZone: string): SlackMessage[] {
  const title = escapeMrkdwn(catalog(locale).digest.title(periodText(locale, model.period, timeZone)));
  const parts = pack(digestUnits(model, locale, timeZone));
  if (parts.length === 1) return [{ text: title, blocks: parts[0]! }];
  const plainTitle = catalog(locale).digest.title(periodText(locale, model.period, timeZone));
  return parts.map((blocks, i) => {
    const note = catalog(locale).slack.digestPart({ part: formatNumber(locale, i + 1), total: formatNumber(locale, parts.length) });
    // A later part opens with the title too, so it never reads as a stray message.
    const head = i > 0 ? [{ type: 'header', text: plain(`${plainTitle} (${note})`, LIMITS.header) }] : [];
    return { text: `${title} (${escapeMrkdwn(note)})`, blocks: [...head, ...blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(note) }] }] };
  });
}

/** Slack's packer for the outbox: Block Kit messages within Slack's size limits. */
export const packDigest: DigestPacker<SlackMessage> = (model, { locale, timeZone }) => renderDigest(model, locale, timeZone);
