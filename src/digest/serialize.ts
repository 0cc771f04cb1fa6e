import * as z from 'zod';
import type { DigestModel } from './model.ts';
import { PROGRESS_STATUSES } from '../domain/follow-up.ts';
import { digestSurveysSchema } from './surveys.ts';

/**
 * A digest travels through the outbox as JSON, fixed at the moment it was queued, so a retry next
 * hour sends what the member would have got at 08:00. Reading it back validates it.
 */
const date = z.iso.datetime().transform((s) => new Date(s));
const segment = z.object({ area: z.string().nullable(), industry: z.string().nullable(), sizeBand: z.string().nullable() });
const figure = z.object({ value: z.number(), delta: z.number().nullable(), fewerThan: z.number().optional() });
const share = z.object({ key: z.string().nullable(), count: z.number(), share: z.number(), fewerThan: z.number().optional(), other: z.literal(true).optional() });

const suggestion = z.object({ id: z.number(), topic: z.string(), text: z.string(), anonymous: z.boolean(), companyName: z.string().nullable(), segment, createdAt: date, replyClosed: z.literal(true).optional() });
const group = z.object({ key: z.string(), count: z.number() });
const publishedCount = z.discriminatedUnion('kind', [z.object({ kind: z.literal('count'), value: z.number() }), z.object({ kind: z.literal('fewer'), than: z.number() })]);
const attentionItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('review'), suggestion }),
  z.object({ kind: z.literal('answer'), suggestion, text: z.string() }),
  z.object({ kind: z.literal('addressed'), suggestion, reasons: z.array(z.enum(['question', 'request', 'contact', 'phone', 'email'])) }),
  z.object({ kind: z.literal('similar'), suggestion, similarIds: z.array(z.number()) }),
  z.object({ kind: z.literal('closingPoll'), pollId: z.number(), question: z.string(), closesAt: date, voters: z.number() }),
]);

const digestSchema = z.object({
  period: z.object({ start: date, end: date }),
  totals: z.object({ suggestions: figure, votes: figure, participants: figure }),
  // Digests queued before the overview existed have neither; they still send.
  attention: z.array(attentionItem).default([]),
  themes: z.array(
    z.object({
      topic: z.string(),
      count: z.number(),
      delta: z.number().nullable(),
      areas: z.object({ shown: z.array(group), other: publishedCount.nullable() }),
      samples: z.array(suggestion),
    }),
  ).default([]),
  topics: z.array(
    z.object({
      topic: z.string(),
      count: z.number(),
      suggestions: z.array(suggestion),
    }),
  ),
  polls: z.array(
    z.object({
      id: z.number(),
      question: z.string(),
      closed: z.boolean(),
      everyone: z.boolean(),
      multipleChoice: z.boolean().default(false),
      closesAt: date.nullable().default(null),
      voters: z.number(),
      votersFewerThan: z.number().optional(),
      results: z.enum(['hidden_until_close', 'too_few_voters']).optional(),
      options: z.array(z.object({ label: z.string(), count: z.number(), share: z.number() })),
      segments: z
        .array(z.object({ dimension: z.enum(['area', 'industry', 'size']), groups: z.array(z.object({ key: z.string(), voters: z.number(), shares: z.array(z.number()) })) }))
        .optional(),
    }),
  ),
  participation: z.object({ byArea: z.array(share), byIndustry: z.array(share), bySize: z.array(share) }),
  empty: z.boolean(),
  followUp: z
    .object({
      waitingCount: z.number(),
      changed: z.array(z.object({ id: z.number(), progress: z.enum(PROGRESS_STATUSES), note: z.string().nullable() })),
    })
    .optional(),
  surveys: digestSurveysSchema.optional(),
});

export function serializeDigest(model: DigestModel): unknown {
  return JSON.parse(JSON.stringify(model)) as unknown;
}

export function parseDigest(value: unknown): DigestModel {
  return digestSchema.parse(value) as DigestModel;
}
