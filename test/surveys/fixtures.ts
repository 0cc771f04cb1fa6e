import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { parseSurveyDefinition, type SurveyDefinition } from '../../src/surveys/definition.ts';

export const QUESTBACK_PATH = resolve(import.meta.dirname, '../../examples/questback.yaml');

/** The project's real 12-question survey, as shipped in examples/. */
export function questback(): SurveyDefinition {
  const parsed = parseSurveyDefinition(parse(readFileSync(QUESTBACK_PATH, 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.survey;
}

/** A complete, valid response to the questback. */
export const FULL_ANSWERS = {
  focus: ['framework', 'place'],
  importance: 4,
  cooperation: 2,
  organisation: 'network',
  secretariat: 'parttime',
  financing: ['fees', 'banks'],
  fee: 'mid',
  area: 'askim',
  industry: 'retail',
  size: '2-9',
  expectation: 'Bedre parkering i sentrum',
  comments: 'Samarbeid på tvers av de fem gamle kommunene.',
};
