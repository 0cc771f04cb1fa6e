import { POLL_REVISION } from '../../src/domain/poll.ts';
import type { SeeAllTarget } from './render/digest.ts';
/**
 * Turns a verified request body into the object Bolt routes on. Slack sends three shapes: JSON
 * (Events API), form fields (slash commands) and a form with one `payload` field holding JSON
 * (interactivity). Anything else is malformed.
 */
export type ParsedBody =
  | { ok: true; kind: 'ssl_check' }
  | { ok: true; kind: 'url_verification'; challenge: string }
  | { ok: true; kind: 'request'; body: Record<string, unknown> }
  | { ok: false; error: string };

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseSlackBody(rawBody: string, contentType: string | undefined): ParsedBody {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let body: unknown;
  try {
    if (type === 'application/json') body = JSON.parse(rawBody);
    else if (type === 'application/x-www-form-urlencoded') {
      const payload = onlyPayload(rawBody);
      if (payload !== null) body = JSON.parse(payload);
      else {
        const form = new URLSearchParams(rawBody);
        const field = form.get('payload');
        body = field !== null ? JSON.parse(field) : Object.fromEntries(form);
      }
    } else return { ok: false, error: 'unsupported_content_type' };
  } catch {
    return { ok: false, error: 'malformed_body' };
  }
  if (!isObject(body)) return { ok: false, error: 'malformed_body' };
  if (body.ssl_check === '1') return { ok: true, kind: 'ssl_check' };
  if (body.type === 'url_verification') {
    return typeof body.challenge === 'string' ? { ok: true, kind: 'url_verification', challenge: body.challenge } : { ok: false, error: 'malformed_body' };
  }
  if (!isRecognised(body)) return { ok: false, error: 'unknown_payload' };
  return { ok: true, kind: 'request', body };
}

/**
 * An interaction is a form of one field, `payload`: decoded directly, it costs a third of what
 * `URLSearchParams` does. Null for any other form, and for one whose escapes `decodeURIComponent`
 * refuses (`URLSearchParams` decodes those leniently, so they go that way).
 */
function onlyPayload(rawBody: string): string | null {
  if (!rawBody.startsWith('payload=') || rawBody.includes('&')) return null;
  try {
    return decodeURIComponent(rawBody.slice('payload='.length).replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** A body Bolt can route: a slash command, an event callback, or an interaction payload with a team. */
function isRecognised(body: Record<string, unknown>): boolean {
  if (typeof body.command === 'string') return typeof body.team_id === 'string' && typeof body.user_id === 'string';
  if (body.type === 'event_callback') return isObject(body.event) && typeof body.event_id === 'string';
  return typeof body.type === 'string' && isObject(body.user);
}

/** Slack escapes `&`, `<`, `>` in text it sends; stored text is what the person typed. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * `innspill_vote` button values: `<pollId>:<option>:<revision>` (see `pollRevision`); messages
 * posted before buttons carried the revision have `<pollId>:<option>`.
 */
export function parseVoteValue(value: string | undefined): { pollId: number; option: number; revision?: string } | null {
  const match = /^(\d{1,12}):(\d{1,2})(?::([^:]+))?$/.exec(value ?? '');
  if (!match || (match[3] !== undefined && !POLL_REVISION.test(match[3]))) return null;
  return match[3] ? { pollId: Number(match[1]), option: Number(match[2]), revision: match[3] } : { pollId: Number(match[1]), option: Number(match[2]) };
}

/** A poll's or suggestion's id in a button's value. */
export function parseId(value: string | undefined): number | null {
  return /^\d{1,12}$/.test(value ?? '') ? Number(value) : null;
}

interface ViewStateValue {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date_time?: number | null;
}

/** One submitted modal field, read from `view.state.values[block][action]`. */
export interface FieldValue {
  text: string;
  selected: string[];
  dateTime: number | null;
}

/** A submitted modal's fields by block id, whatever element type each one uses. */
export function viewFields(state: { values?: Record<string, Record<string, ViewStateValue>> } | undefined): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const [block, actions] of Object.entries(state?.values ?? {})) {
    const v = Object.values(actions)[0];
    if (!v) continue;
    fields[block] = {
      text: v.value ?? '',
      selected: v.selected_options ? v.selected_options.map((o) => o.value) : v.selected_option ? [v.selected_option.value] : [],
      dateTime: typeof v.selected_date_time === 'number' ? v.selected_date_time : null,
    };
  }
  return fields;
}

/** The context a modal was opened with (its `private_metadata`), or none if it cannot be read. */
export function modalContext(privateMetadata: string | undefined): { channelId?: string } {
  try {
    const parsed: unknown = JSON.parse(privateMetadata || '{}');
    const channelId = (parsed as { channelId?: unknown }).channelId;
    return typeof channelId === 'string' && /^[A-Z0-9]{1,32}$/.test(channelId) ? { channelId } : {};
  } catch {
    return {};
  }
}

/** A "see all" or page button's value (see `seeAllValue`), or null if it is not one. */
export function parseSeeAllValue(value: string | undefined): SeeAllTarget | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value ?? '');
  } catch {
    return null;
  }
  const { t, s, e, n, p } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const whole = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
  if (typeof t !== 'string' || !t || !whole(s) || !whole(e) || !whole(n) || !whole(p) || s > e) return null;
  return { topic: t, start: s, end: e, count: n, page: p };
}

/** The suggestion a reply modal answers (its `private_metadata`), or null if it cannot be read. */
export function replyContext(privateMetadata: string | undefined): number | null {
  try {
    const id = (JSON.parse(privateMetadata || '{}') as { suggestionId?: unknown }).suggestionId;
    return Number.isSafeInteger(id) && (id as number) > 0 ? (id as number) : null;
  } catch {
    return null;
  }
}

/** A choice in a suggestion's "…" menu: `reply:<id>` or `full:<id>`. */
export function parseMenuValue(value: unknown): { kind: 'reply' | 'full'; suggestionId: number } | null {
  const match = typeof value === 'string' ? /^(reply|full):(\d{1,12})$/.exec(value) : null;
  return match ? { kind: match[1] as 'reply' | 'full', suggestionId: Number(match[2]) } : null;
}
