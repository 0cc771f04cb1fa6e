import { resourceUsage } from 'node:process';
import { openSqliteStore } from '../storage/index.ts';
import { createInnspill } from '../src/innspill.ts';
import { createIdentityVault } from '../src/privacy/vault.ts';
import { DEFAULT_TOPICS } from '../src/domain/suggestion.ts';

/**
 * Runs in its own process so its peak memory is the digest's alone: opens the seeded database,
 * builds the digest of the week, and prints the figures as JSON.
 */
const [path, end] = process.argv.slice(2) as [string, string];
const store = openSqliteStore(path);
const core = createInnspill({
  store,
  vault: createIdentityVault(Buffer.alloc(32, 1)),
  clock: () => new Date(end),
  settings: { topics: DEFAULT_TOPICS, defaultLocale: 'nb', timeZone: 'Europe/Oslo', participantPolls: true, digestChannels: [], emptyDigest: 'note', minGroupSize: 5, publishMode: 'review', retentionDays: 30, replyWindowDays: 180 },
});
const rssBefore = resourceUsage().maxRSS;
const started = performance.now();
const model = await core.digestFor({ start: new Date(new Date(end).getTime() - 7 * 24 * 3600 * 1000), end: new Date(end) });
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    ms,
    peakRssMb: resourceUsage().maxRSS / 1024,
    rssBeforeMb: rssBefore / 1024,
    suggestions: model.totals.suggestions.value,
    votes: model.totals.votes.value,
    polls: model.polls.length,
  })}\n`,
);
store.close();
