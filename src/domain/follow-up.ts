import { InnspillError } from '../errors.ts';

/**
 * The follow-up rules: what counts as published, which statuses a suggestion moves through, and how
 * members name a suggestion. Pure, so the export, the public page and every adapter agree.
 */

export type PublishMode = 'review' | 'immediate';

/** received → under consideration → part of the recommendation | not pursued | done. */
export const PROGRESS_STATUSES = ['received', 'considering', 'recommended', 'not_pursued', 'done'] as const;
export type Progress = (typeof PROGRESS_STATUSES)[number];

/** The operator at the command line, as the moderation record names them. */
export const OPERATOR_ID = 'operator';

export const HIDE_REASON_MAX = 500;
export const STATUS_NOTE_MAX = 500;
export const ANSWER_MAX = 2000;

/** What the publishing rule reads from a suggestion. */
export interface Moderated {
  /** The sender consented to publishing. */
  publishable: boolean;
  /** Hidden by a member ('hidden'), or not. */
  status: 'new' | 'hidden';
  /** When a member approved it; null while it waits. */
  approvedAt: Date | null;
}

/**
 * The one rule of what the public may see: consented, not hidden, and (in review mode) approved.
 * Everything that publishes (export, public page) asks this, never its own query.
 */
export function isPublished(s: Moderated, mode: PublishMode): boolean {
  return s.publishable && s.status !== 'hidden' && (mode === 'immediate' || s.approvedAt !== null);
}

/**
 * What waits for a member to look at it: consented, not hidden, not yet approved. In review mode it
 * is not public until approved; in immediate mode it already is, and approving marks it as seen.
 */
export function awaitsReview(s: Moderated): boolean {
  return s.publishable && s.status !== 'hidden' && s.approvedAt === null;
}

/** `#12` or `12`, as members type a suggestion's number; anything else is refused. */
export function parseSuggestionRef(raw: string): number {
  const m = /^#?(\d{1,9})$/.exec(raw.trim());
  if (!m || Number(m[1]) === 0) throw new InnspillError('suggestion_not_found');
  return Number(m[1]);
}

/** The status words members type, in either language; anything else is refused by name. */
const PROGRESS_WORDS: Record<string, Progress> = {
  received: 'received',
  mottatt: 'received',
  considering: 'considering',
  'under-consideration': 'considering',
  vurderes: 'considering',
  'til-vurdering': 'considering',
  recommended: 'recommended',
  recommendation: 'recommended',
  anbefaling: 'recommended',
  anbefalt: 'recommended',
  not_pursued: 'not_pursued',
  'not-pursued': 'not_pursued',
  'ikke-fulgt-opp': 'not_pursued',
  avslått: 'not_pursued',
  done: 'done',
  gjennomført: 'done',
  ferdig: 'done',
};

export function parseProgress(raw: string): Progress {
  const key = raw.trim().toLowerCase().replace(/\s+/g, '-');
  if (!Object.hasOwn(PROGRESS_WORDS, key)) throw new InnspillError('unknown_status', { status: raw.trim().slice(0, 40) });
  return PROGRESS_WORDS[key]!;
}

/** A member's free text (a reason, a note, an answer): trimmed, and at most `max` characters as people count them. */
export function boundedText(raw: string | undefined, max: number, code: 'reason_too_long' | 'note_too_long' | 'suggestion_too_long'): string | null {
  const text = (raw ?? '').trim();
  if (!text) return null;
  const length = [...text].length;
  if (length > max) throw new InnspillError(code, { max, length });
  return text;
}
