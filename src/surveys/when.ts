import { zonedTimeToUtc } from '../time.ts';

/**
 * Times a member gives on the command line or in chat: ISO 8601 (with or without a zone; without
 * one it is read in `DIGEST_TIMEZONE`), or Norwegian `DD.MM.YYYY HH:MM` in that zone, with daylight
 * saving handled by the zone rules. A time that has passed is refused: a send "in the past" is a typo.
 */
export type TimeResult = { ok: true; at: Date } | { ok: false; reason: 'format' | 'past' };

const NORWEGIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function wallClock(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): Date | null {
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return zonedTimeToUtc(`${y}-${pad(mo)}-${pad(d)}`, `${pad(h)}:${pad(mi)}`, timeZone);
}

export function parseDateTime(text: string, timeZone: string, now: Date): TimeResult {
  const value = text.trim();
  let at: Date | null = null;
  if (ISO_ZONED.test(value)) {
    const ms = Date.parse(value);
    at = Number.isNaN(ms) ? null : new Date(ms);
  } else {
    const m = NORWEGIAN.exec(value);
    const iso = ISO_LOCAL.exec(value);
    if (m) at = wallClock(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), timeZone);
    else if (iso) at = wallClock(Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), timeZone);
  }
  if (!at) return { ok: false, reason: 'format' };
  if (at.getTime() <= now.getTime()) return { ok: false, reason: 'past' };
  return { ok: true, at };
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** `3d`, `12h`, `90m`, `1w`: how long after the send a reminder goes. */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,4})\s*([mhdw])$/.exec(text.trim().toLowerCase());
  if (!m) return null;
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return ms > 0 ? ms : null;
}
