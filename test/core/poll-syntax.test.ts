import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePollCommand } from '../../src/polls/syntax.ts';
import { describePollSyntaxError } from '../../src/i18n/index.ts';
import { resolveClose } from '../../src/usecases/polls.ts';
import { planPollTimes } from '../../src/usecases/poll-plans.ts';

function draftOf(input: string) {
  const result = parsePollCommand(input);
  if (!result.ok) throw new Error(`expected a poll, got ${result.error.code}`);
  return result.draft;
}

function errorOf(input: string) {
  const result = parsePollCommand(input);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('poll syntax', () => {
  it('reads straight quotes', () => {
    expect(draftOf('"Hvilken dag?" "Tirsdag" "Torsdag"')).toMatchObject({ question: 'Hvilken dag?', options: ['Tirsdag', 'Torsdag'], multipleChoice: false });
  });

  it.each([
    ['typographic', '“Hvilken dag?” “Tirsdag” “Torsdag”'],
    ['German-style low-high', '„Hvilken dag?“ „Tirsdag“ „Torsdag“'],
    ['guillemets', '«Hvilken dag?» «Tirsdag» «Torsdag»'],
    ['closing quotes on both sides', '”Hvilken dag?” ”Tirsdag” ”Torsdag”'],
    ['mixed, as autocorrect leaves them', '"Hvilken dag?” «Tirsdag» “Torsdag"'],
  ])('reads %s quotes', (_name, input) => {
    expect(draftOf(input)).toMatchObject({ question: 'Hvilken dag?', options: ['Tirsdag', 'Torsdag'] });
  });

  it('keeps apostrophes inside options', () => {
    expect(draftOf('"Where?" "Kari\'s café" "Ola\'s"').options).toEqual(["Kari's café", "Ola's"]);
  });

  it('reads flags in English and Norwegian, and the dash phones make of --', () => {
    expect(draftOf('"Q?" "A" "B" --multiple --anonymous --hidden --everyone')).toMatchObject({
      multipleChoice: true, anonymous: true, resultsAfterClose: true, everyone: true,
    });
    expect(draftOf('"Q?" "A" "B" —flere —anonym –skjult --alle')).toMatchObject({
      multipleChoice: true, anonymous: true, resultsAfterClose: true, everyone: true,
    });
  });

  it('reads closing times', () => {
    expect(draftOf('"Q?" "A" "B" --closes 3d').closes).toEqual({ kind: 'in', ms: 3 * 86_400_000 });
    expect(draftOf('"Q?" "A" "B" --stenger 2t').closes).toEqual({ kind: 'in', ms: 2 * 3_600_000 });
    expect(draftOf('"Q?" "A" "B" --stenger=30m').closes).toEqual({ kind: 'in', ms: 30 * 60_000 });
    expect(draftOf('"Q?" "A" "B" --closes 2026-12-01 14.30').closes).toEqual({ kind: 'at', date: '2026-12-01', time: '14:30' });
    expect(draftOf('"Q?" "A" "B" --closes 2026-12-01T09:05').closes).toEqual({ kind: 'at', date: '2026-12-01', time: '09:05' });
    expect(draftOf('"Q?" "A" "B" --closes 2026-12-01').closes).toEqual({ kind: 'at', date: '2026-12-01', time: null });
  });

  it('resolves wall-clock closing times in Oslo time, summer and winter', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(resolveClose({ kind: 'at', date: '2026-12-01', time: '14:30' }, now, 'Europe/Oslo')?.toISOString()).toBe('2026-12-01T13:30:00.000Z');
    expect(resolveClose({ kind: 'at', date: '2026-07-01', time: '14:30' }, now, 'Europe/Oslo')?.toISOString()).toBe('2026-07-01T12:30:00.000Z');
    expect(resolveClose({ kind: 'at', date: '2026-07-01', time: null }, now, 'Europe/Oslo')?.toISOString()).toBe('2026-07-01T21:59:00.000Z');
    expect(resolveClose({ kind: 'in', ms: 1000 }, now, 'Europe/Oslo')?.toISOString()).toBe('2026-01-01T00:00:01.000Z');
  });

  it.each([
    ['', 'no_question'],
    ['   ', 'no_question'],
    ['"Q?"', 'too_few_options'],
    ['"Q?" "A"', 'too_few_options'],
    [`"Q?" ${Array.from({ length: 26 }, (_, i) => `"O${i}"`).join(' ')}`, 'too_many_options'],
    ['"Q?" "Ja" "ja "', 'duplicate_option'],
    ['"Q?" "A" "B', 'unbalanced_quote'],
    ['«Q? "A" "B"', 'unbalanced_quote'],
    ['Q? "A" "B"', 'text_outside_quotes'],
    ['"Q?" "A" "B" --sometimes', 'unknown_flag'],
    ['"Q?" "A" "B" --closes', 'flag_needs_value'],
    ['"Q?" "A" "B" --closes soon', 'bad_close_time'],
    ['"Q?" "A" "B" --closes 2026-02-30', 'bad_close_time'],
    ['"Q?" "A" "B" --closes 2026-02-03T25:00', 'bad_close_time'],
    ['"Q?" "" "B"', 'empty_text'],
    [`"${'x'.repeat(301)}" "A" "B"`, 'question_too_long'],
    [`"Q?" "${'x'.repeat(76)}" "B"`, 'option_too_long'],
  ])('refuses %j with %s', (input, code) => {
    expect(errorOf(input).code).toBe(code);
  });

  it('counts what it found for a clear message', () => {
    expect(errorOf('"Q?" "A"').params).toMatchObject({ min: 2, count: 1 });
  });

  it('reads --at as one token, a quoted value, or a date and a time; --close-in as a duration', () => {
    expect(draftOf('"Q?" "A" "B" --at 15.01.2027 09:00').startsAt).toBe('15.01.2027 09:00');
    expect(draftOf('"Q?" "A" "B" --starter "15.01.2027 09:00" --flere').startsAt).toBe('15.01.2027 09:00');
    expect(draftOf('"Q?" "A" "B" --at=2027-01-15T09:00').startsAt).toBe('2027-01-15T09:00');
    expect(draftOf('"Q?" "A" "B" --at 2027-01-15 09:00').startsAt).toBe('2027-01-15 09:00');
    expect(draftOf('"Q?" "A" "B" --close-in 3d').closes).toEqual({ kind: 'in', ms: 3 * 86_400_000 });
    expect(draftOf('"Q?" "A" "B" --stenger-om 2t').closes).toEqual({ kind: 'in', ms: 2 * 3_600_000 });
    expect(errorOf('"Q?" "A" "B" --at').code).toBe('flag_needs_value');
    expect(errorOf('"Q?" "A" "B" --close-in snart').code).toBe('bad_close_time');
    expect(errorOf('"Q?" "A" "B" --close-in --flere').code).toBe('flag_needs_value');
  });

  it('takes up to 25 options and refuses the 26th with the limit in the message, in nb and en', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => `"Svar ${i + 1}"`).join(' ');
    expect(draftOf(`"Q?" ${options(25)}`).options).toHaveLength(25);
    const error = errorOf(`"Q?" ${options(26)}`);
    expect(error).toEqual({ code: 'too_many_options', params: { max: 25, count: 26 } });
    expect(describePollSyntaxError('nb', error)).toBe('En avstemning kan ha høyst 25 svaralternativer (fant 26).');
    expect(describePollSyntaxError('en', error)).toBe('A poll can have at most 25 answers (found 26).');
  });

  const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /^[^"“”„«»＂\s][^"“”„«»＂]*$/u.test(s) && s.trim() === s && !/\s{2}/u.test(s));

  it('round-trips any well-formed poll (property)', () => {
    fc.assert(
      fc.property(text, fc.uniqueArray(text, { minLength: 2, maxLength: 25, selector: (s) => s.toLocaleLowerCase('nb') }), fc.boolean(), (q, options, multiple) => {
        const input = [q, ...options].map((s) => `"${s}"`).join(' ') + (multiple ? ' --multiple' : '');
        const draft = draftOf(input);
        expect(draft.question).toBe(q);
        expect(draft.options).toEqual(options);
        expect(draft.multipleChoice).toBe(multiple);
      }),
    );
  });

  it('never throws, whatever is typed (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: fc.constantFrom('"', '“', '”', '«', '»', '„', ' ', '-', '—', 'a', 'Q', '?', '=', '3', 'd', 'æ', '\n') }), (input) => {
        const result = parsePollCommand(input);
        if (result.ok) {
          expect(result.draft.options.length).toBeGreaterThanOrEqual(2);
          expect(result.draft.options.length).toBeLessThanOrEqual(10);
        } else expect(typeof result.error.code).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('poll times (planPollTimes)', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  it('reads --at in the zone, with summer time, and counts --close-in from the posting', () => {
    const summer = planPollTimes({ startsAt: '01.07.2027 12:00', closes: { kind: 'in', ms: 86_400_000 } }, now, 'Europe/Oslo');
    expect(summer).toEqual({ ok: true, startsAt: new Date('2027-07-01T10:00:00Z'), closesAt: new Date('2027-07-02T10:00:00Z'), series: null, remindAt: [] });
    const winter = planPollTimes({ startsAt: '2027-01-15T12:00', closes: null }, now, 'Europe/Oslo');
    expect(winter).toEqual({ ok: true, startsAt: new Date('2027-01-15T11:00:00Z'), closesAt: null, series: null, remindAt: [] });
    expect(planPollTimes({ closes: { kind: 'in', ms: 1000 } }, now, 'Europe/Oslo')).toEqual({ ok: true, startsAt: null, closesAt: new Date(now.getTime() + 1000), series: null, remindAt: [] });
  });

  it('refuses a past time, an unreadable one, and a close before the start', () => {
    expect(planPollTimes({ startsAt: '22.11.2026 10:00', closes: null }, now, 'Europe/Oslo')).toEqual({ ok: false, error: { code: 'start_in_past', params: { when: '22.11.2026 10:00' } } });
    expect(planPollTimes({ startsAt: '31.02.2027 10:00', closes: null }, now, 'Europe/Oslo')).toMatchObject({ ok: false, error: { code: 'bad_start_time' } });
    expect(planPollTimes({ startsAt: '01.12.2026 10:00', closes: { kind: 'at', date: '2026-11-30', time: null } }, now, 'Europe/Oslo')).toMatchObject({ ok: false, error: { code: 'closes_before_start' } });
    expect(describePollSyntaxError('en', { code: 'start_in_past', params: { when: '22.11.2026 10:00' } })).toBe('22.11.2026 10:00 has already passed. Choose a time in the future.');
  });
});
