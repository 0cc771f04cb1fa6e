import { formatDateTime } from '../digest/format.ts';
import type { Poll } from '../domain/poll.ts';
import type { CronTimes } from '../ports/cron.ts';
import { catalog, type Locale } from '../i18n/index.ts';
import type { CloseSpec, PollDraft, PollSyntaxError } from '../polls/syntax.ts';
import { parseDateTime } from '../surveys/when.ts';
import { zonedTimeToUtc } from '../time.ts';

export function resolveClose(spec: CloseSpec | null, now: Date, timeZone: string): Date | null {
  if (!spec) return null;
  if (spec.kind === 'in') return new Date(now.getTime() + spec.ms);
  return zonedTimeToUtc(spec.date, spec.time ?? '23:59', timeZone);
}

export type PollTimes =
  | { ok: true; startsAt: Date | null; closesAt: Date | null; series: { cron: string; nextAt: Date; closeAfterMs: number | null; remindAfterMs: number[] } | null; remindAt: Date[] }
  | { ok: false; error: PollSyntaxError };

const HOUR = 3_600_000;

/**
 * When a poll is posted and when it closes. `--at` is read as survey times are (ISO 8601 or
 * DD.MM.YYYY HH:MM in the zone, summer time by the zone's rules), and a time already past is
 * refused. A duration (`--close-in 3d`, `--closes 3d`) counts from the posting, so a poll
 * scheduled for Monday with `--close-in 2d` closes on Wednesday.
 */
export function planPollTimes(draft: Pick<PollDraft, 'startsAt' | 'closes' | 'every' | 'remindAfterMs'> & { everyone?: boolean }, now: Date, timeZone: string, cron?: CronTimes): PollTimes {
  let startsAt: Date | null = null;
  if (draft.startsAt !== undefined) {
    const read = parseDateTime(draft.startsAt, timeZone, now);
    if (!read.ok) {
      const value = draft.startsAt.slice(0, 40);
      return { ok: false, error: read.reason === 'past' ? { code: 'start_in_past', params: { when: value } } : { code: 'bad_start_time', params: { value } } };
    }
    startsAt = read.at;
  }
  // A recurring poll: this poll is the first round; the next comes at the expression's next moment,
  // and a round with no closing time of its own closes when the next one starts.
  let series: { cron: string; nextAt: Date; closeAfterMs: number | null; remindAfterMs: number[] } | null = null;
  if (draft.every !== undefined) {
    const value = draft.every.slice(0, 60);
    const nextAt = cron?.next(draft.every, startsAt ?? now, timeZone) ?? null;
    const after = nextAt ? cron!.next(draft.every, nextAt, timeZone) : null;
    if (!nextAt || !after) return { ok: false, error: { code: 'bad_cron', params: { value } } };
    if (after.getTime() - nextAt.getTime() < HOUR) return { ok: false, error: { code: 'cron_too_often', params: {} } };
    series = { cron: draft.every, nextAt, closeAfterMs: draft.closes?.kind === 'in' ? draft.closes.ms : null, remindAfterMs: [...new Set(draft.remindAfterMs ?? [])] };
  }
  const closesAt = resolveClose(draft.closes, startsAt ?? now, timeZone) ?? series?.nextAt ?? null;
  if (startsAt && closesAt && closesAt.getTime() <= startsAt.getTime()) return { ok: false, error: { code: 'closes_before_start', params: {} } };
  // Reminders need a known audience (everyone) to find who has not voted, and an open poll to point to.
  const remindAt = [...new Set(draft.remindAfterMs ?? [])].map((ms) => new Date((startsAt ?? now).getTime() + ms));
  if (remindAt.length && !draft.everyone) return { ok: false, error: { code: 'remind_needs_everyone', params: {} } };
  if (closesAt && remindAt.some((at) => at.getTime() >= closesAt.getTime())) return { ok: false, error: { code: 'remind_after_close', params: {} } };
  return { ok: true, startsAt, closesAt, series, remindAt };
}

/** What the creator is told instead of seeing the poll: it waits for its time. Null for a poll posted now. */
export function scheduledPollText(poll: Poll, locale: Locale, timeZone: string): string | null {
  if (!poll.startsAt || poll.startsAt.getTime() <= poll.createdAt.getTime()) return null;
  return catalog(locale).pollPlans.scheduled({ id: poll.id, when: formatDateTime(locale, poll.startsAt, timeZone), everyone: poll.audience.kind === 'everyone' });
}
