import type { BenchRow } from './digest.ts';
import { benchDigest } from './digest.ts';
import { benchBroadcast } from './broadcast.ts';
import { benchCli } from './cli.ts';
import { benchSlack } from './slack.ts';
import { benchTeams } from './teams.ts';
import { benchSurveys } from './surveys.ts';
import { benchPublicSite } from './public-site.ts';
import { benchTests } from './tests.ts';
import { readFileSync } from 'node:fs';
import { benchPostgres } from './postgres.ts';

/**
 * `npm run bench` runs every part; `npm run bench -- slack digest` only those named. Each part
 * starts what it measures in processes of its own and returns rows for one table.
 */
const PARTS: Record<string, () => Promise<BenchRow[]>> = {
  cli: benchCli,
  slack: benchSlack,
  teams: benchTeams,
  digest: benchDigest,
  broadcast: () => benchBroadcast(),
  surveys: benchSurveys,
  'survey-broadcast': () => benchBroadcast('survey'),
  'public-site': benchPublicSite,
  tests: benchTests,
  postgres: benchPostgres,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in PARTS));
if (unknown.length) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(PARTS).join(', ')}\n`);
  process.exit(2);
}

// Every figure depends on what else the machine runs: the load average goes beside the table.
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadBefore = loadAverage();
const rows: BenchRow[] = [];
for (const name of asked.length ? asked : Object.keys(PARTS)) {
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await PARTS[name]!()));
}

const figures = (row: BenchRow) => Object.entries(row.figures).map(([k, v]) => `${k}: ${v}`).join(', ');
const table = [
  ['', 'benchmark', 'figures', 'goal'],
  ...rows.map((r) => [r.met ? '✓' : '✗', r.name, figures(r), r.goal]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const row of table) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' │ ')}\n`);
process.stdout.write(`load average (1, 5, 15 min) at the start: ${loadBefore}; at the end: ${loadAverage()}; ${new Date().toISOString()}\n`);
