import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { openSqliteStore } from '../storage/index.ts';
import { createInnspill } from '../src/innspill.ts';
import { createIdentityVault } from '../src/privacy/vault.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS } from '../src/domain/participant.ts';
import { parseSurveyDefinition, type SurveyDefinition } from '../src/surveys/definition.ts';
import type { BenchRow } from './digest.ts';

const RESPONSES = 5_000;
const GOAL_MS = 200;

/** The project's questback from examples/. */
export function questbackForBench(): SurveyDefinition {
  const parsed = parseSurveyDefinition(parse(readFileSync(resolve(import.meta.dirname, '../examples/questback.yaml'), 'utf8')));
  if (!parsed.ok) throw new Error('examples/questback.yaml does not parse');
  return parsed.survey;
}

/**
 * Survey results over 5,000 responses to the project's 12-question questback: read from SQLite and
 * aggregated by question and by area, industry and size under the small-group rule. Best of 5.
 */
export async function benchSurveys(): Promise<BenchRow[]> {
  const store = openSqliteStore(':memory:');
  try {
    const now = new Date();
    const core = createInnspill({
      store,
      vault: createIdentityVault(Buffer.alloc(32, 1)),
      clock: () => now,
      settings: {
        topics: [],
        defaultLocale: 'nb',
        timeZone: 'Europe/Oslo',
        participantPolls: true,
        digestChannels: [],
        emptyDigest: 'note',
        minGroupSize: 5,
        publishMode: 'review',
        retentionDays: 30,
        replyWindowDays: 180,
      },
    });
    const survey = await core.surveys.create('cli', questbackForBench());
    const pickOf = <T>(list: readonly T[], i: number) => list[i % list.length]!;
    for (let i = 0; i < RESPONSES; i++) {
      await store.surveys.saveResponse({
        surveyId: survey.id,
        respondentKey: `r${i}`,
        answers: {
          focus: [pickOf(['framework', 'growth', 'attract', 'place', 'skills', 'voice'], i), 'voice'].filter((v, j, a) => a.indexOf(v) === j),
          importance: (i % 5) + 1,
          organisation: pickOf(['association', 'network', 'council', 'unsure'], i),
          financing: ['fees'],
          area: pickOf(AREAS, i),
          industry: pickOf(INDUSTRIES, i * 7),
          size: pickOf(SIZE_BANDS, i * 3),
          expectation: `Svar nummer ${i}`,
        },
        complete: i % 10 !== 0,
        segment: { area: pickOf(AREAS, i), industry: pickOf(INDUSTRIES, i * 7), sizeBand: pickOf(SIZE_BANDS, i * 3) },
        now,
        workspaceKey: 'slack:T1',
        texts: [{ questionId: 'expectation', text: `Svar nummer ${i}`, topic: 'other' }],
      });
    }
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const started = performance.now();
      const { results } = await core.surveys.results(survey.id);
      runs.push(performance.now() - started);
      if (results.responses + results.partial !== RESPONSES) throw new Error('responses lost');
    }
    const best = Math.min(...runs);
    return [
      {
        name: 'survey results by segment (5,000 responses, 12 questions)',
        figures: { 'best of 5 (ms)': Math.round(best), 'worst (ms)': Math.round(Math.max(...runs)) },
        goal: `< ${GOAL_MS} ms`,
        met: best < GOAL_MS,
      },
    ];
  } finally {
    store.close();
  }
}
