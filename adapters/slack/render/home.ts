import { formatDateTime, oneLine } from '../../../src/digest/format.ts';
import type { Poll } from '../../../src/domain/poll.ts';
import type { Suggestion } from '../../../src/domain/suggestion.ts';
import { catalog, type Locale } from '../../../src/i18n/index.ts';
import { listBlocks } from './list.ts';
import { suggestionLines } from './messages.ts';
import { escapeMrkdwn, plain, section, LIMITS, truncate } from './text.ts';

export const HOME_ACTIONS = {
  openSuggestion: 'innspill_open_suggestion',
  openProfile: 'innspill_open_profile',
} as const;

/** Each list gets at most this many blocks, so the whole view stays under Slack's 100. */
const LIST_BLOCKS = 40;
/** The Home tab is a glance: the newest few, and how many more `/innspill mine` would show. */
const SHOWN = 15;

const header = (text: string) => ({ type: 'header', text: plain(text, LIMITS.header) });

/** The App Home tab: what the bot is for and who is behind it, the viewer's suggestions, open polls. */
export function homeView(input: { suggestions: Suggestion[]; polls: Poll[]; locale: Locale; timeZone: string; review?: unknown[]; projectGroup?: string }) {
  const { locale, timeZone } = input;
  const c = catalog(locale);
  const polls = input.polls.slice(0, SHOWN).map((p) => {
    const closes = p.closesAt ? ` · ${c.messages.pollClosesAt({ when: formatDateTime(locale, p.closesAt, timeZone) })}` : '';
    return `• *${escapeMrkdwn(truncate(oneLine(p.question), 200))}*${escapeMrkdwn(closes)}`;
  });
  const blocks = [
    header(c.slack.homeTitle),
    section(c.slack.homeAbout),
    section(c.slack.homeHowTo),
    ...(input.projectGroup ? [section(`*${escapeMrkdwn(c.followUp.projectGroup)}*\n${escapeMrkdwn(input.projectGroup)}`)] : []),
    {
      type: 'actions',
      block_id: 'home_actions',
      elements: [
        { type: 'button', style: 'primary', action_id: HOME_ACTIONS.openSuggestion, value: 'open', text: plain(c.slack.homeSend, LIMITS.buttonText) },
        { type: 'button', action_id: HOME_ACTIONS.openProfile, value: 'open', text: plain(c.slack.homeProfile, LIMITS.buttonText) },
      ],
    },
    // Members see what waits for review first (see follow-up.ts); others see nothing of it.
    ...(input.review?.length ? [{ type: 'divider' }, ...input.review] : []),
    { type: 'divider' },
    header(c.slack.homeMine),
    ...(input.suggestions.length
      ? listBlocks(suggestionLines(input.suggestions.slice(0, SHOWN), locale, timeZone), LIST_BLOCKS, locale, input.suggestions.length)
      : [section(escapeMrkdwn(c.messages.mineNone))]),
    { type: 'divider' },
    header(c.slack.homePolls),
    ...(polls.length ? listBlocks(polls, LIST_BLOCKS, locale, input.polls.length) : [section(escapeMrkdwn(c.slack.homeNoPolls))]),
  ];
  return { type: 'home' as const, blocks };
}
