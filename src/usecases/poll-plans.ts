import { formatDateTime } from '../digest/format.ts';
import type { Poll } from '../domain/poll.ts';
import { catalog, type Locale } from '../i18n/index.ts';
import type { CloseSpec, PollDraft, PollSyntaxError } from '../polls/syntax.ts';
import { parseDateTime } from '../surveys/when.ts';
import { zonedTimeToUtc } from '../time.ts';

export function resolveClose(spec: CloseSpec | null, now: Date, timeZone: string): Date | null {
  if (!spec) return null;
  if (spec.kind === 'in') return new Date(now.getTime() + spec.ms);
  return zonedTimeToUtc(spec.date, spec.time ?? '23:59', timeZone);
}

export type PollTimes = { ok: true; startsAt: Date | null; closesAt: Date | null } | { ok: false; error: PollSyntaxError };

/**
 * When a poll is posted and when it closes. `--at` is read as survey times are (ISO 8601 or
 * DD.MM.YYYY HH:MM in the zone, summer time by the zone's rules), and a time already past is
 * refused. A duration (`--close-in 3d`, `--closes 3d`) counts from the posting, so a poll
 * scheduled for Monday with `--close-in 2d` closes on Wednesday.
 */
export function planPollTimes(draft: Pick<PollDraft, 'startsAt' | 'closes'>, now: Date, timeZone: string): PollTimes {
  let startsAt: Date | null = null;
  if (draft.startsAt !== undefined) {
    const read = parseDateTime(draft.startsAt, timeZone, now);
    if (!read.ok) {
      const value = draft.startsAt.slice(0, 40);
      return { ok: false, error: read.reason === 'past' ? { code: 'start_in_past', params: { when: value } } : { code: 'bad_start_time', params: { value } } };
    }
    startsAt = read.at;
  }
  const closesAt = resolveClose(draft.closes, startsAt ?? now, timeZone);
  if (startsAt && closesAt && closesAt.getTime() <= startsAt.getTime()) return { ok: false, error: { code: 'closes_before_start', params: {} } };
  return { ok: true, startsAt, closesAt };
}

/** What the creator is told instead of seeing the poll: it waits for its time. Null for a poll posted now. */
export function scheduledPollText(poll: Poll, locale: Locale, timeZone: string): string | null {
  if (!poll.startsAt || poll.startsAt.getTime() <= poll.createdAt.getTime()) return null;
  return catalog(locale).pollPlans.scheduled({ id: poll.id, when: formatDateTime(locale, poll.startsAt, timeZone), everyone: poll.audience.kind === 'everyone' });
}
