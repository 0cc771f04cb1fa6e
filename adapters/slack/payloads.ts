import * as z from 'zod';

/**
 * The shape of every Slack payload Innspill handles, checked before Bolt sees it. Bolt and our
 * listeners trust Slack's types (a `text` that is a string, a `user` that is there); a signed request
 * that breaks them would otherwise end in a 500, and Slack retries a 500. Fields we do not read are
 * let through untouched (loose objects); fields we read must have the type Slack documents.
 */
const id = z.string().min(1);
const text = z.string();
const opt = <T extends z.ZodType>(schema: T) => schema.optional();

const user = z.looseObject({ id, team_id: opt(id) });
const team = z.looseObject({ id }).nullable().optional();

const command = z.looseObject({
  command: z.string().startsWith('/'),
  text: opt(text),
  team_id: id,
  user_id: id,
  channel_id: id,
  trigger_id: opt(text),
  response_url: opt(text),
  enterprise_id: opt(text),
});

/** Values a modal's inputs carry (see viewFields in parse.ts). */
const inputValue = z.looseObject({
  value: opt(text.nullable()),
  selected_option: opt(z.looseObject({ value: text }).nullable()),
  selected_options: opt(z.array(z.looseObject({ value: text }))),
  selected_date_time: opt(z.number().nullable()),
});

const view = z.looseObject({
  id,
  callback_id: text,
  hash: opt(text),
  private_metadata: opt(text),
  state: opt(z.looseObject({ values: z.record(z.string(), z.record(z.string(), inputValue)) })),
});

const action = z.looseObject({ action_id: id, block_id: opt(text), value: opt(text), action_ts: opt(text), type: opt(text) });

const interactions = {
  block_actions: z.looseObject({ user, team, actions: z.array(action).min(1), response_url: opt(text), trigger_id: opt(text), view: opt(view), container: opt(z.looseObject({})), channel: opt(z.looseObject({ id })) }),
  view_submission: z.looseObject({ user, team, view, trigger_id: opt(text) }),
  view_closed: z.looseObject({ user, team, view }),
  shortcut: z.looseObject({ user, team, callback_id: text, trigger_id: text }),
  message_action: z.looseObject({ user, team, callback_id: text, trigger_id: text, channel: opt(z.looseObject({ id })) }),
  block_suggestion: z.looseObject({ user, team, action_id: id, block_id: text, value: text }),
} as const;

/** Fields Bolt itself reads on any event (who, where, which bot), whatever its type. */
const anyEvent = z.looseObject({
  type: id,
  user: opt(id),
  channel: opt(id),
  bot_id: opt(text),
  subtype: opt(text),
  ts: opt(text),
  event_ts: opt(text),
});

const events: Record<string, z.ZodType> = {
  message: anyEvent.extend({ text: opt(text), channel_type: opt(text), app_id: opt(text) }),
  app_home_opened: anyEvent.extend({ user: id, tab: opt(text) }),
  tokens_revoked: anyEvent.extend({ tokens: z.looseObject({ bot: opt(z.array(text)), oauth: opt(z.array(text)) }) }),
};

const envelope = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id,
  event_id: id,
  enterprise_id: opt(text.nullable()),
  event: anyEvent,
  authorizations: opt(z.array(z.looseObject({}))),
});

export type PayloadCheck = { ok: true } | { ok: false; kind: string; issue: string };

function explain(kind: string, error: z.ZodError): PayloadCheck {
  const first = error.issues[0]!;
  return { ok: false, kind, issue: `${first.path.join('.') || '(root)'}: ${first.message}` };
}

/**
 * Whether Bolt and our listeners can safely handle a parsed body. A body that fails is answered 200
 * and dropped: nothing can be done with it, and anything else makes Slack send it again.
 */
export function checkSlackPayload(body: Record<string, unknown>): PayloadCheck {
  if ('command' in body) {
    const r = command.safeParse(body);
    return r.success ? { ok: true } : explain('command', r.error);
  }
  if (body.type === 'event_callback') {
    const outer = envelope.safeParse(body);
    if (!outer.success) return explain('event_callback', outer.error);
    const type = (body.event as { type: string }).type;
    const schema = events[type];
    const inner = schema?.safeParse(body.event);
    return !inner || inner.success ? { ok: true } : explain(`event ${type}`, inner.error);
  }
  const type = typeof body.type === 'string' ? body.type : '(none)';
  const schema = interactions[type as keyof typeof interactions];
  if (!schema) return { ok: false, kind: type, issue: 'not a payload Innspill handles' };
  const r = schema.safeParse(body);
  if (!r.success) return explain(type, r.error);
  // Every interaction comes from a workspace: `team`, or for some org-wide installs only the user's.
  const from = r.data as { team?: { id: string } | null; user: { team_id?: string } };
  return from.team?.id || from.user.team_id ? { ok: true } : { ok: false, kind: type, issue: 'team: names no workspace (neither team nor user.team_id)' };
}
