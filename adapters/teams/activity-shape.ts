import * as z from 'zod';

/**
 * The fields every activity must have before the Agents SDK and our handlers see it. The SDK's own
 * schema lets some through that it then cannot answer (an invoke without `recipient` or `channelId`
 * ends in a 501); fields we read must have the type the Bot Framework documents.
 */
const account = z.looseObject({ id: z.string().min(1), name: z.string().nullish(), aadObjectId: z.string().nullish() });

const activity = z.looseObject({
  type: z.string().min(1),
  id: z.string().nullish(),
  channelId: z.string().min(1),
  // Where the reply goes: something that is no http(s) URL cannot be answered.
  serviceUrl: z.string().regex(/^https?:\/\/[^\s/]+/i),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string().min(1), tenantId: z.string().nullish(), conversationType: z.string().nullish() }),
  name: z.string().nullish(),
  text: z.string().nullish(),
  locale: z.string().nullish(),
  entities: z.array(z.looseObject({ type: z.string().nullish() })).nullish(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().nullish() }).nullish() }).nullish(),
});

export function checkActivity(body: Record<string, unknown>): { ok: true } | { ok: false; issue: string } {
  const r = activity.safeParse(body);
  if (r.success) return { ok: true };
  const first = r.error.issues[0]!;
  return { ok: false, issue: `${first.path.join('.') || '(root)'}: ${first.message}` };
}
