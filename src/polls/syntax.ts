import { POLL_MAX_OPTIONS, POLL_MIN_OPTIONS, POLL_OPTION_MAX, POLL_QUESTION_MAX } from '../domain/poll.ts';

/**
 * The inline poll syntax Slack users know from Simple Poll:
 *
 *   /poll "Question?" "Option 1" "Option 2" [flags]
 *
 * Quotes may be straight ("), typographic (“ ” „), or guillemets (« »), as Norwegian keyboards and
 * phones produce them; a quote opened one way may be closed the ways autocorrect tends to close it.
 * Single quotes are not delimiters, so "Kari's" works. Flags (English or Norwegian, `--` or the
 * dash that phones turn it into):
 *
 *   --multiple | --flere        several options per person
 *   --anonymous | --anonym      votes are counted but not shown with names
 *   --hidden | --skjult         results only after the poll closes
 *   --closes | --stenger WHEN   30m, 2h, 3d, 1w (1u), YYYY-MM-DD [HH:MM], or YYYY-MM-DDTHH:MM
 *   --everyone | --alle         send to every participant (project members only)
 *   --at | --starter WHEN       post it later: ISO 8601 or DD.MM.YYYY HH:MM (read in poll-plans.ts)
 *   --close-in | --stenger-om D close this long after it is posted: 30m, 2h, 3d, 1w
 *   --every | --hver "CRON"     a new round at each time the cron expression names (poll-plans.ts)
 *   --remind | --påminn D       remind who has not voted this long after posting (repeatable; polls to everyone)
 */

const CLOSERS: Record<string, readonly string[]> = {
  '"': ['"', '”', '“'],
  '“': ['”', '“', '"'],
  '”': ['”', '“', '"'],
  '„': ['“', '”', '"'],
  '«': ['»'],
  '»': ['«'],
  '＂': ['＂'],
};

export type CloseSpec = { kind: 'in'; ms: number } | { kind: 'at'; date: string; time: string | null };

export interface PollDraft {
  question: string;
  options: string[];
  multipleChoice: boolean;
  anonymous: boolean;
  resultsAfterClose: boolean;
  everyone: boolean;
  closes: CloseSpec | null;
  /** `--at`: when to post it, as typed; read against the clock and zone when the poll is made. */
  startsAt?: string;
  /** `--every`: a cron expression for a recurring poll, as typed; read by the cron port. */
  every?: string;
  /** `--remind`: reminders this long after the poll is posted, to those who have not voted. */
  remindAfterMs?: number[];
}

export type PollSyntaxCode =
  | 'no_question'
  | 'too_few_options'
  | 'too_many_options'
  | 'duplicate_option'
  | 'empty_text'
  | 'unbalanced_quote'
  | 'text_outside_quotes'
  | 'unknown_flag'
  | 'flag_needs_value'
  | 'bad_close_time'
  | 'question_too_long'
  | 'option_too_long'
  | 'bad_start_time'
  | 'start_in_past'
  | 'closes_before_start'
  | 'bad_cron'
  | 'cron_too_often'
  | 'remind_needs_everyone'
  | 'remind_after_close';

export interface PollSyntaxError {
  code: PollSyntaxCode;
  params: Record<string, string | number>;
}

export type PollParseResult = { ok: true; draft: PollDraft } | { ok: false; error: PollSyntaxError };

type Token = { kind: 'quoted'; text: string } | { kind: 'bare'; text: string };

const FLAG_ALIASES: Record<string, 'multiple' | 'anonymous' | 'hidden' | 'closes' | 'everyone' | 'at' | 'closeIn' | 'every' | 'remind'> = {
  multiple: 'multiple',
  flere: 'multiple',
  flervalg: 'multiple',
  anonymous: 'anonymous',
  anonym: 'anonymous',
  hidden: 'hidden',
  skjult: 'hidden',
  closes: 'closes',
  close: 'closes',
  stenger: 'closes',
  everyone: 'everyone',
  alle: 'everyone',
  at: 'at',
  starter: 'at',
  'close-in': 'closeIn',
  'stenger-om': 'closeIn',
  every: 'every',
  hver: 'every',
  remind: 'remind',
  påminn: 'remind',
  paminn: 'remind',
};

const DURATION = /^(\d{1,4})(m|min|h|t|d|w|u)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{1,2})[:.](\d{2})$/;
const TIME = /^(\d{1,2})[:.](\d{2})$/;
const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, t: 3_600_000, d: 86_400_000, w: 604_800_000, u: 604_800_000 };

function fail(code: PollSyntaxCode, params: Record<string, string | number> = {}): { ok: false; error: PollSyntaxError } {
  return { ok: false, error: { code, params } };
}

function tokenize(input: string): Token[] | PollSyntaxError {
  const tokens: Token[] = [];
  const chars = [...input];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (/\s/u.test(c)) {
      i += 1;
      continue;
    }
    const closers = CLOSERS[c];
    if (closers) {
      let j = i + 1;
      while (j < chars.length && !closers.includes(chars[j]!)) j += 1;
      if (j >= chars.length) return { code: 'unbalanced_quote', params: { quote: c } };
      tokens.push({ kind: 'quoted', text: chars.slice(i + 1, j).join('').replace(/\s+/gu, ' ').trim() });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < chars.length && !/\s/u.test(chars[j]!) && !CLOSERS[chars[j]!]) j += 1;
    tokens.push({ kind: 'bare', text: chars.slice(i, j).join('') });
    i = j;
  }
  return tokens;
}

function isValidDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function validTime(h: string, m: string): string | null {
  const hh = Number(h);
  const mm = Number(m);
  return hh <= 23 && mm <= 59 ? `${String(hh).padStart(2, '0')}:${m}` : null;
}

/** Reads the value of --closes; returns the spec and how many tokens it used, or null. */
function parseClose(tokens: Token[], at: number): { spec: CloseSpec; used: number } | null {
  const first = tokens[at];
  if (!first || first.kind !== 'bare') return null;
  const duration = DURATION.exec(first.text);
  if (duration) {
    const ms = Number(duration[1]) * UNIT_MS[duration[2]!.toLowerCase()]!;
    return ms > 0 ? { spec: { kind: 'in', ms }, used: 1 } : null;
  }
  const dateTime = DATE_TIME.exec(first.text);
  if (dateTime) {
    const time = validTime(dateTime[2]!, dateTime[3]!);
    return isValidDate(dateTime[1]!) && time ? { spec: { kind: 'at', date: dateTime[1]!, time }, used: 1 } : null;
  }
  if (!isValidDate(first.text)) return null;
  const next = tokens[at + 1];
  const timeMatch = next?.kind === 'bare' ? TIME.exec(next.text) : null;
  if (timeMatch) {
    const time = validTime(timeMatch[1]!, timeMatch[2]!);
    return time ? { spec: { kind: 'at', date: first.text, time }, used: 2 } : null;
  }
  return { spec: { kind: 'at', date: first.text, time: null }, used: 1 };
}

const NORWEGIAN_DATE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;

/**
 * The value of `--at`: one token (ISO 8601, or quoted `"15.01.2027 16:00"`), or a date and a time as
 * two tokens (`15.01.2027 16:00`, `2027-01-15 16:00`). Checked later, against the clock.
 */
function readStart(tokens: Token[], at: number): { text: string; used: number } | null {
  const first = tokens[at];
  if (!first || first.text === '' || (first.kind === 'bare' && FLAG_PREFIX.test(first.text))) return null;
  const next = tokens[at + 1];
  if (first.kind === 'bare' && (NORWEGIAN_DATE.test(first.text) || DATE.test(first.text)) && next?.kind === 'bare' && TIME.test(next.text)) {
    return { text: `${first.text} ${next.text}`, used: 2 };
  }
  return { text: first.text, used: 1 };
}

/** Dashes that phones and word processors make of `--`. */
const FLAG_PREFIX = /^(--|—|–|−−)/u;

export function parsePollCommand(input: string): PollParseResult {
  const tokenized = tokenize(input);
  if (!Array.isArray(tokenized)) return { ok: false, error: tokenized };
  const tokens = tokenized;
  const texts: string[] = [];
  const draft: Omit<PollDraft, 'question' | 'options'> = { multipleChoice: false, anonymous: false, resultsAfterClose: false, everyone: false, closes: null };

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'quoted') {
      if (token.text === '') return fail('empty_text');
      texts.push(token.text);
      continue;
    }
    const prefix = FLAG_PREFIX.exec(token.text);
    if (!prefix) return fail('text_outside_quotes', { text: token.text.slice(0, 40) });
    const [name, inlineValue] = token.text.slice(prefix[0].length).split('=', 2) as [string, string | undefined];
    const flag = FLAG_ALIASES[name.toLowerCase()];
    if (!flag) return fail('unknown_flag', { flag: token.text.slice(0, 40) });
    if (flag === 'at') {
      const valueTokens: Token[] = inlineValue !== undefined ? [{ kind: 'bare', text: inlineValue }, ...tokens.slice(i + 1)] : tokens.slice(i + 1);
      const start = readStart(valueTokens, 0);
      if (!start) return fail('flag_needs_value', { flag: token.text });
      draft.startsAt = start.text;
      i += inlineValue !== undefined ? start.used - 1 : start.used;
      continue;
    }
    if (flag === 'every') {
      const value = inlineValue ?? tokens[i + 1]?.text;
      if (value === undefined || value.trim() === '' || (inlineValue === undefined && tokens[i + 1]!.kind === 'bare' && FLAG_PREFIX.test(value))) {
        return fail('flag_needs_value', { flag: token.text });
      }
      draft.every = value.trim();
      if (inlineValue === undefined) i += 1;
      continue;
    }
    if (flag === 'closeIn' || flag === 'remind') {
      const value = inlineValue ?? tokens[i + 1]?.text;
      if (value === undefined || value === '' || FLAG_PREFIX.test(value)) return fail('flag_needs_value', { flag: token.text });
      const duration = DURATION.exec(value);
      const ms = duration ? Number(duration[1]) * UNIT_MS[duration[2]!.toLowerCase()]! : 0;
      if (ms <= 0) return fail('bad_close_time', { value: value.slice(0, 40) });
      if (flag === 'remind') draft.remindAfterMs = [...(draft.remindAfterMs ?? []), ms];
      else draft.closes = { kind: 'in', ms };
      if (inlineValue === undefined) i += 1;
      continue;
    }
    if (flag === 'closes') {
      const valueTokens: Token[] = inlineValue !== undefined ? [{ kind: 'bare', text: inlineValue }, ...tokens.slice(i + 1)] : tokens.slice(i + 1);
      if (!valueTokens[0] || valueTokens[0].kind !== 'bare' || valueTokens[0].text === '' || FLAG_PREFIX.test(valueTokens[0].text)) {
        return fail('flag_needs_value', { flag: token.text });
      }
      const parsed = parseClose(valueTokens, 0);
      if (!parsed) return fail('bad_close_time', { value: valueTokens[0].text.slice(0, 40) });
      draft.closes = parsed.spec;
      i += inlineValue !== undefined ? parsed.used - 1 : parsed.used;
      continue;
    }
    if (inlineValue !== undefined) return fail('unknown_flag', { flag: token.text.slice(0, 40) });
    if (flag === 'multiple') draft.multipleChoice = true;
    else if (flag === 'anonymous') draft.anonymous = true;
    else if (flag === 'hidden') draft.resultsAfterClose = true;
    else draft.everyone = true;
  }

  const [question, ...options] = texts;
  if (question === undefined) return fail('no_question');
  return checkPollTexts(question, options, draft);
}

/** The checks a poll's texts must pass, whether they come from the inline syntax or a form. */
export function checkPollTexts(
  question: string,
  options: string[],
  settings: Omit<PollDraft, 'question' | 'options'>,
): PollParseResult {
  const q = question.trim();
  const opts = options.map((o) => o.trim()).filter((o) => o !== '');
  if (q === '') return fail('no_question');
  if ([...q].length > POLL_QUESTION_MAX) return fail('question_too_long', { max: POLL_QUESTION_MAX });
  if (opts.length < POLL_MIN_OPTIONS) return fail('too_few_options', { min: POLL_MIN_OPTIONS, count: opts.length });
  if (opts.length > POLL_MAX_OPTIONS) return fail('too_many_options', { max: POLL_MAX_OPTIONS, count: opts.length });
  const long = opts.find((o) => [...o].length > POLL_OPTION_MAX);
  if (long) return fail('option_too_long', { max: POLL_OPTION_MAX, option: long.slice(0, 40) });
  const seen = new Set<string>();
  for (const o of opts) {
    const key = o.toLocaleLowerCase('nb');
    if (seen.has(key)) return fail('duplicate_option', { option: o });
    seen.add(key);
  }
  return { ok: true, draft: { ...settings, question: q, options: opts } };
}
