import * as z from 'zod';
import { POLL_REVISION } from '../../src/domain/poll.ts';

/**
 * What card actions send back, checked before anything reaches the core. Inputs arrive as strings
 * (toggles as "true"/"false"); an unfilled optional input is missing or empty.
 */
const text = z.string().max(20_000);
const optionalText = z
  .string()
  .max(20_000)
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));
const flag = z
  .union([z.enum(['true', 'false']), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'true');

export const actionEnvelope = z.object({ verb: z.string().min(1).max(64) });

export const pollRef = z.object({ pollId: z.coerce.number().int().positive() });
/** `rev`: the question and answers the card was drawn for (`pollRevision`); cards from before it have none. */
export const voteSubmission = pollRef.extend({ option: z.coerce.number().int().min(0).max(99), rev: z.string().regex(POLL_REVISION).optional() });

export const suggestionRefData = z.object({ suggestionId: z.coerce.number().int().positive() });
export const replySubmission = suggestionRefData.extend({ text: text.default('') });

/** A "see all" or page button: the topic, the period as epoch milliseconds, and a page from 0. */
const epochMs = z.coerce.number().int().min(0).max(8.64e15);
export const topicPageRef = z
  .object({ topic: z.string().min(1).max(200), start: epochMs, end: epochMs, page: z.coerce.number().int().min(0).max(100_000) })
  .refine((v) => v.start <= v.end);

export const suggestionSubmission = z.object({
  topic: optionalText,
  text: text.default(''),
  anonymous: flag,
  publishable: flag,
});

export const profileSubmission = z.object({
  companyName: optionalText,
  area: optionalText,
  industry: optionalText,
  sizeBand: optionalText,
});

export const pollSubmission = z.object({
  question: text.default(''),
  options: text.default(''),
  multiple: flag,
  anonymous: flag,
  hidden: flag,
  everyone: flag,
  closesDate: optionalText.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()),
  closesTime: optionalText.pipe(z.string().regex(/^\d{2}:\d{2}$/).optional()),
});

/** The input a submission got wrong, for the "<field>: invalid value" message. */
export function firstInvalidField(error: z.ZodError): string {
  return String(error.issues[0]?.path[0] ?? 'input');
}
