import { bar, formatDateTime, percent } from '../../../src/digest/format.ts';
import { catalog, countOf, formatNumber, type Locale } from '../../../src/i18n/index.ts';
import { POLL_BUTTON_OPTIONS_MAX, pollRevision } from '../../../src/domain/poll.ts';
import type { PollView } from '../../../src/usecases/polls.ts';
import { adaptiveCard, choiceSet, execute, plain, problem, run, type AdaptiveCard, type Element } from './elements.ts';
import { VERBS } from './forms.ts';

/** Who the card is drawn for: whether they may close and reopen it, and whose views Teams refreshes. */
export interface PollViewer {
  /** The poll's creator or a project member: the card shows close or reopen, apart from the answers. */
  manage: boolean;
  /**
   * Teams user ids (MRIs) whose own view Teams fetches by itself (`refresh.userIds`, at most 60). The
   * creator is listed on the card they post, so they always see their own view with its buttons.
   */
  refreshFor: string[];
}

const SHARED: PollViewer = { manage: false, refreshFor: [] };

/**
 * The card a new poll is posted with, seen by everyone in the chat: no close button on it, and the
 * creator's own view refreshed automatically, so they find theirs there.
 */
export function creatorView(turn: { userMri: string | undefined }): PollViewer {
  return { manage: false, refreshFor: turn.userMri ? [turn.userMri] : [] };
}

/**
 * A poll as an Adaptive Card: one Universal Action per option, the counts when they may be shown, and
 * the viewer's own choice marked. `refresh` makes Teams ask for each viewer's card when they look at it
 * (in chats and channels up to 60 people), so everyone sees current counts and their own marks.
 */
export function pollCard(view: PollView, mine: readonly number[], locale: Locale, timeZone: string, notice?: string, viewer: PollViewer = SHARED): AdaptiveCard {
  const { messages: m, teams: t } = catalog(locale);
  const { poll, tally } = view;
  if (poll.deletedAt) return adaptiveCard([plain([run(catalog(locale).pollPlans.deletedNotice, { subtle: true })])]);
  // Shares are of the people who voted, so a multiple-choice poll reads right.
  const of = tally ? Math.max(view.voters, ...tally.counts) : 0;
  const data = { pollId: poll.id };
  // A vote says which question and answers it was drawn for, so an edit cannot turn it into another answer.
  const voteData = { ...data, rev: pollRevision(poll) };

  const status = [view.open ? m.pollOpen : m.pollClosed, m.pollVoters({ count: formatNumber(locale, view.voters) })];
  if (poll.multipleChoice) status.push(m.pollMultiple);
  if (poll.anonymous) status.push(m.pollAnonymous);
  if (!tally) status.push(m.pollResultsHidden);
  if (poll.closesAt && view.open) status.push(m.pollClosesAt({ when: formatDateTime(locale, poll.closesAt, timeZone) }));
  if (poll.audience.kind === 'everyone') status.push(m.pollToEveryone);

  // Up to 10 options, a button each; above, the options are listed and chosen in one ChoiceSet.
  const menu = poll.options.length > POLL_BUTTON_OPTIONS_MAX;
  const rows: Element[] = poll.options.flatMap((option, i) => {
    const chosen = mine.includes(i);
    const count = tally?.counts[i] ?? 0;
    const result = tally
      ? [run(`${bar(of ? count / of : 0)} `, { monospace: true }), run(`${percent(of ? count / of : 0, locale)} · ${countOf(locale, count, catalog(locale).summary.nouns.vote)}`)]
      : [];
    const mark = chosen ? [run(`  ✓ ${t.yourChoice}`, { weight: 'Bolder', color: 'Good' })] : [];
    const head: Element = view.open && !menu
      ? { type: 'ActionSet', actions: [execute(option, VERBS.vote, { ...voteData, option: i }, chosen ? 'positive' : undefined)] }
      : plain([run(option, { weight: 'Bolder' })]);
    const details = [...result, ...mark];
    return details.length ? [head, plain(details, { spacing: 'None' })] : [head];
  });

  return adaptiveCard(
    [
      ...(notice ? [problem(notice)] : []),
      plain([run(poll.question, { weight: 'Bolder', size: 'Medium' })]),
      plain([run(status.join(' · '), { subtle: true, size: 'Small' })]),
      ...rows,
      ...(view.open && menu ? voteMenu(poll.options, voteData, locale) : []),
      // Closing is not an answer: it sits apart, under a line, named for whom it is, and only on their view.
      ...(viewer.manage
        ? [
            {
              type: 'Container',
              separator: true,
              spacing: 'Large',
              items: [
                plain([run(t.pollAdmin, { subtle: true, size: 'Small' })]),
                { type: 'ActionSet', actions: [view.open ? execute(m.pollClose, VERBS.close, data, 'destructive') : execute(m.pollReopen, VERBS.reopen, data)] },
              ],
            },
          ]
        : []),
    ],
    [],
    {
      action: { type: 'Action.Execute', title: t.refresh, verb: VERBS.refresh, data: { ...data, verb: VERBS.refresh } },
      ...(viewer.refreshFor.length ? { userIds: viewer.refreshFor.slice(0, 60) } : {}),
    },
  );
}

/**
 * The vote of a poll with many options: a compact ChoiceSet (its value is the option's index, merged
 * into the action's data as `option`) and one Execute button, which asks for a choice before it sends.
 */
function voteMenu(options: readonly string[], data: { pollId: number; rev: string }, locale: Locale): Element[] {
  const p = catalog(locale).pollPlans;
  const menu = choiceSet(
    'option',
    p.choosePlaceholder,
    options.map((title, i) => ({ title, value: String(i) })),
    undefined,
    p.choosePlaceholder,
  );
  return [
    { ...menu, isRequired: true, errorMessage: p.choosePlaceholder },
    { type: 'ActionSet', actions: [{ ...execute(p.voteButton, VERBS.vote, data, 'positive'), associatedInputs: 'auto' }] },
  ];
}
