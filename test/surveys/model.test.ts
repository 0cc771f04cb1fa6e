import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSurveyDefinition, textIn, formatPath } from '../../src/surveys/definition.ts';
import { validateAnswers } from '../../src/surveys/answers.ts';
import { aggregateSurvey, type ResponseForResults } from '../../src/surveys/results.ts';
import { parseTarget, inTarget } from '../../src/surveys/target.ts';
import { parseDateTime, parseDuration } from '../../src/surveys/when.ts';
import { FULL_ANSWERS, questback } from './fixtures.ts';

const base = { title: 'T', intro: 'I' };
const issuesOf = (raw: unknown) => {
  const r = parseSurveyDefinition(raw);
  return r.ok ? [] : r.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
};

describe('survey file format', () => {
  it('reads the project questback: 12 questions of every type, in nb and en', () => {
    const s = questback();
    expect(s.questions).toHaveLength(12);
    expect(new Set(s.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'scale', 'text', 'longtext']));
    expect(textIn(s.title, 'en', 'nb')).toBe('A common voice for local business in Indre Østfold');
    expect(textIn(s.title, 'nb', 'nb')).toBe('Felles røst for næringslivet i Indre Østfold');
  });

  it('reads the full example in the README', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const example = /```yaml\n(title:[\s\S]*?)```/.exec(readme)![1]!;
    const parsed = parseSurveyDefinition(parse(example));
    expect(parsed.ok && parsed.survey.questions.map((q) => q.type)).toEqual(['multiple', 'scale', 'single', 'text', 'longtext']);
  });

  it('falls back to the default locale, then to whichever language is given', () => {
    expect(textIn({ nb: 'Hei' }, 'en', 'nb')).toBe('Hei');
    expect(textIn({ en: 'Hi' }, 'nb', 'nb')).toBe('Hi');
    expect(textIn('Same', 'en', 'nb')).toBe('Same');
  });

  it('refuses unknown types, duplicate option keys and question ids, too many questions or options, a max above the options', () => {
    expect(issuesOf({ ...base, questions: [{ id: 'a', type: 'rating', text: 'q' }] })).toEqual([
      'questions[0].type: unknown question type; use one of single, multiple, scale, text, longtext',
    ]);
    expect(issuesOf({ ...base, questions: [{ id: 'a', type: 'single', text: 'q', options: ['x', { key: 'x', text: 'X' }] }] })).toEqual([
      'questions[0].options[1]: duplicate option key "x"',
    ]);
    expect(issuesOf({ ...base, questions: [{ id: 'a', type: 'text', text: 'q' }, { id: 'a', type: 'text', text: 'r' }] })).toEqual([
      'questions[1].id: duplicate question id "a"',
    ]);
    const many = Array.from({ length: 31 }, (_, i) => ({ id: `q${i}`, type: 'text', text: 'q' }));
    expect(issuesOf({ ...base, questions: many })).toEqual(['questions: at most 30 questions']);
    const options = Array.from({ length: 26 }, (_, i) => `o${i}`);
    expect(issuesOf({ ...base, questions: [{ id: 'a', type: 'single', text: 'q', options }] })).toEqual(['questions[0].options: at most 25 options']);
    expect(issuesOf({ ...base, questions: [{ id: 'a', type: 'multiple', text: 'q', options: ['x', 'y'], max: 3 }] })).toEqual([
      'questions[0].max: max is 3 but there are only 2 options',
    ]);
    expect(issuesOf({ ...base, questions: [] })).toEqual(['questions: give at least 1 question']);
    expect(issuesOf({ ...base, questions: [{ id: '__proto__', type: 'text', text: 'q' }] })).toEqual(['questions[0].id: this id is reserved']);
    expect(issuesOf({ ...base, questions: [{ id: 'a', type: 'scale', text: 'q', labels: { low: 'x' } }] })[0]).toMatch(/^questions\[0\]\.labels\.high/);
    expect(issuesOf({ title: { de: 'x' }, intro: 'i', questions: [{ id: 'a', type: 'text', text: 'q' }] }).length).toBeGreaterThan(0);
  });

  it('accepts 25 options and 30 questions', () => {
    const options = Array.from({ length: 25 }, (_, i) => `o${i}`);
    const questions = [{ id: 'a', type: 'single', text: 'q', options }, ...Array.from({ length: 29 }, (_, i) => ({ id: `t${i}`, type: 'text', text: 'q' }))];
    expect(parseSurveyDefinition({ ...base, questions }).ok).toBe(true);
  });
});

describe('answers', () => {
  const s = questback();

  it('accepts a full response and trims text', () => {
    const r = validateAnswers(s, { ...FULL_ANSWERS, expectation: '  Mer samarbeid  ' }, { complete: true });
    expect(r).toMatchObject({ ok: true, answers: { expectation: 'Mer samarbeid' } });
  });

  it('names every problem: required missing, unknown option, too many, out of range, too long, unknown question', () => {
    const r = validateAnswers(
      s,
      { focus: ['framework', 'growth', 'attract', 'place'], importance: 6, organisation: 'nope', expectation: 'x'.repeat(501), bogus: 'y' },
      { complete: true },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byQuestion = Object.fromEntries(r.issues.map((i) => [i.questionId, i.problem]));
    expect(byQuestion).toEqual({
      bogus: 'unknown_question',
      focus: 'too_many',
      importance: 'out_of_range',
      organisation: 'bad_option',
      financing: 'required',
      area: 'required',
      industry: 'required',
      size: 'required',
      expectation: 'too_long',
    });
  });

  it('checks only one page when asked, leaving other required questions for later', () => {
    expect(validateAnswers(s, { focus: ['voice'], importance: 3 }, { complete: true, only: ['focus', 'importance', 'cooperation'] }).ok).toBe(true);
  });
});

describe('results', () => {
  const s = questback();
  const response = (area: string | null, extra: Partial<typeof FULL_ANSWERS> = {}, complete = true): ResponseForResults => ({
    answers: { ...FULL_ANSWERS, ...extra },
    segment: { area: area as never, industry: null, sizeBand: null },
    complete,
  });

  it('counts by question with the response rate, and hides segment groups below the minimum', () => {
    const responses = [
      ...Array.from({ length: 5 }, () => response('askim')),
      response('hobol', { importance: 2 }),
      response('trogstad', {}, false),
    ];
    const r = aggregateSurvey(s, responses, 20, 5);
    expect(r).toMatchObject({ responses: 6, partial: 1, recipients: 20, responseRate: 0.3 });
    const importance = r.questions.find((q) => q.id === 'importance')!;
    expect(importance.responses).toBe(7);
    expect(importance.counts!.map((c) => c.count)).toEqual([0, 1, 0, 6, 0]);
    expect(importance.average).toBeCloseTo((6 * 4 + 2) / 7);
    expect(r.questions.find((q) => q.id === 'expectation')!.texts).toHaveLength(7);
    expect(r.segments.area.shown.map((g) => [g.key, g.responses])).toEqual([['askim', 5]]);
    expect(r.segments.area.other).toEqual({ kind: 'fewer', than: 5 });
    // Free text is never split by segment: it could name who wrote it.
    expect(r.segments.area.shown[0]!.questions.some((q) => q.texts)).toBe(false);
  });

  it('aggregates 5,000 responses by segment', () => {
    const areas = ['askim', 'eidsberg', 'hobol', 'spydeberg', 'trogstad', null];
    const responses = Array.from({ length: 5000 }, (_, i) => response(areas[i % 6]!, { importance: (i % 5) + 1 }));
    const r = aggregateSurvey(s, responses, 6000, 5);
    expect(r.responses).toBe(5000);
    expect(r.segments.area.shown.reduce((sum, g) => sum + g.responses, 0)).toBe(5000);
  });
});

describe('targets and times', () => {
  it('reads targets and matches profiles', () => {
    expect(parseTarget('everyone')).toEqual({ ok: true, target: { kind: 'everyone' } });
    expect(parseTarget('area:askim')).toEqual({ ok: true, target: { kind: 'area', key: 'askim' } });
    expect(parseTarget('size:10-49')).toEqual({ ok: true, target: { kind: 'size', key: '10-49' } });
    expect(parseTarget('area:oslo')).toMatchObject({ ok: false, message: expect.stringContaining('askim') });
    expect(parseTarget('city:x').ok).toBe(false);
    expect(inTarget({ kind: 'industry', key: 'retail' }, { industry: 'retail' })).toBe(true);
    expect(inTarget({ kind: 'industry', key: 'retail' }, null)).toBe(false);
  });

  it('reads ISO 8601 and DD.MM.YYYY HH:MM in the zone, across daylight saving, and refuses the past', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    // Summer time in Oslo (UTC+2) after the last Sunday of March; winter (UTC+1) before.
    expect(parseDateTime('30.03.2026 12:00', 'Europe/Oslo', now)).toEqual({ ok: true, at: new Date('2026-03-30T10:00:00Z') });
    expect(parseDateTime('27.03.2026 12:00', 'Europe/Oslo', now)).toEqual({ ok: true, at: new Date('2026-03-27T11:00:00Z') });
    expect(parseDateTime('2026-03-30T12:00', 'Europe/Oslo', now)).toEqual({ ok: true, at: new Date('2026-03-30T10:00:00Z') });
    expect(parseDateTime('2026-03-30T12:00:00Z', 'Europe/Oslo', now)).toEqual({ ok: true, at: new Date('2026-03-30T12:00:00Z') });
    expect(parseDateTime('01.01.2026 12:00', 'Europe/Oslo', now)).toEqual({ ok: false, reason: 'past' });
    expect(parseDateTime('31.02.2026 12:00', 'Europe/Oslo', now)).toEqual({ ok: false, reason: 'format' });
    expect(parseDateTime('tomorrow', 'Europe/Oslo', now)).toEqual({ ok: false, reason: 'format' });
    expect(parseDuration('3d')).toBe(3 * 86_400_000);
    expect(parseDuration('0d')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
  });
});
