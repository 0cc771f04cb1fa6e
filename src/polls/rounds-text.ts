import { formatDateTime, percent } from '../digest/format.ts';
import type { Poll } from '../domain/poll.ts';
import { catalog, type Locale } from '../i18n/index.ts';
import type { RoundResult } from '../usecases/poll-series.ts';

/**
 * A recurring poll's rounds side by side, one line each with every option's share of that round's
 * voters, so a change from round to round reads down the column. Plain text: each adapter escapes it.
 */
export function roundsText(locale: Locale, timeZone: string, poll: Poll, rounds: readonly RoundResult[]): string {
  const p = catalog(locale).pollPlans;
  const lines = rounds.map((r) => {
    const results = r.tally
      ? poll.options.map((option, i) => `${option} ${percent(r.voters ? r.tally!.counts[i]! / r.voters : 0, locale)}`).join(' · ')
      : p.roundHidden;
    return p.roundLine({ round: r.round, when: formatDateTime(locale, r.startsAt, timeZone), results, voters: r.voters });
  });
  return [p.roundsTitle({ question: poll.question }), ...lines].join('\n');
}
