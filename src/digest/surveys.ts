import * as z from 'zod';
import { awaitsReview, isPublished, type PublishMode } from '../domain/follow-up.ts';
import type { Suggestion } from '../domain/suggestion.ts';
import { publishableCount, type Counted } from '../privacy/published.ts';
import type { LocalText } from '../surveys/definition.ts';
import type { DigestPeriod } from './model.ts';

/** Free-text answers shown by name per survey in a digest; the rest are counted. */
export const SURVEY_TEXTS_SHOWN = 3;

/** A new free-text answer as members read it in the digest: its number (to moderate it) and original text. */
export interface DigestSurveyText {
  id: number;
  text: string;
  /** Waits for a member's approval; otherwise it will be published when the survey closes. */
  waiting: boolean;
}

/**
 * A survey in the digest: one that runs at the period's end (how many answered, what is new), or
 * one that closed in the period (one line). Counts fall under the small-group rule as a poll's
 * voters do, and a response rate is shown only beside a count that is.
 */
export interface DigestSurvey {
  id: number;
  title: LocalText;
  state: 'open' | 'closed';
  closesAt: Date | null;
  recipients: number;
  responses: Counted;
  /** Complete responses per recipient, 0–1; null with no recipients or a withheld count. */
  responseRate: number | null;
  /** Responses begun in the period. */
  newResponses: Counted;
  /** Free-text answers new in the period, not hidden: those to be published and those waiting for review. */
  newTexts: { published: number; waiting: number; shown: DigestSurveyText[] };
}

/** What storage and the survey rules hand over for one survey. */
export interface DigestSurveyInput {
  id: number;
  title: LocalText;
  state: 'open' | 'closed';
  closesAt: Date | null;
  recipients: number;
  responses: number;
  newResponses: number;
  /** The survey's free-text items (follow-up rows), every state. */
  texts: readonly Suggestion[];
}

export function digestSurvey(input: DigestSurveyInput, period: DigestPeriod, mode: PublishMode, k: number): DigestSurvey {
  const responses = publishableCount(input.responses, k);
  const fresh = input.texts.filter((t) => t.createdAt >= period.start && t.createdAt < period.end && t.status !== 'hidden');
  const published = fresh.filter((t) => isPublished(t, mode));
  const waiting = fresh.filter((t) => !isPublished(t, mode) && awaitsReview(t));
  return {
    id: input.id,
    title: input.title,
    state: input.state,
    closesAt: input.closesAt,
    recipients: input.recipients,
    responses,
    responseRate: input.recipients > 0 && responses.fewerThan === undefined ? input.responses / input.recipients : null,
    newResponses: publishableCount(input.newResponses, k),
    newTexts: {
      published: published.length,
      waiting: waiting.length,
      // Those waiting first: they are what a member has to act on.
      shown: [...waiting, ...published].slice(0, SURVEY_TEXTS_SHOWN).map((t) => ({ id: t.id, text: t.text, waiting: !isPublished(t, mode) })),
    },
  };
}

/** Anything a member should hear of: a closing, a new response, a new free-text answer. */
export function surveyNews(s: DigestSurvey): boolean {
  return s.state === 'closed' || s.newResponses.count > 0 || s.newResponses.fewerThan !== undefined || s.newTexts.published + s.newTexts.waiting > 0;
}

const text = z.union([z.string(), z.object({ nb: z.string().optional(), en: z.string().optional() })]);
const counted = z.object({ count: z.number(), fewerThan: z.number().optional() });

/** How a queued digest's surveys are read back from the outbox (see `serialize.ts`). */
export const digestSurveysSchema = z.array(
  z.object({
    id: z.number(),
    title: text,
    state: z.enum(['open', 'closed']),
    closesAt: z.iso.datetime().transform((s) => new Date(s)).nullable(),
    recipients: z.number(),
    responses: counted,
    responseRate: z.number().nullable(),
    newResponses: counted,
    newTexts: z.object({ published: z.number(), waiting: z.number(), shown: z.array(z.object({ id: z.number(), text: z.string(), waiting: z.boolean() })) }),
  }),
);
