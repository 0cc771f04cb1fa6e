import { formatDate } from '../../../src/digest/format.ts';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { asksForPollHelp } from '../../../src/polls/help.ts';
import { catalog, label } from '../../../src/i18n/index.ts';
import { deleteConfirmation, pollForm, profileForm, suggestionForm } from '../cards/forms.ts';
import { creatorView, pollCard } from '../cards/poll-card.ts';
import type { TeamsCommand } from '../parse.ts';
import type { Reply } from '../reply.ts';
import { explain, type Turn } from './turn.ts';
import { reviewQueueReply } from './follow-up.ts';
import { projectGroupText } from '../../../src/usecases/project-group.ts';
import { statusText } from '../../../src/i18n/status.ts';

const CMD = 'innspill';
const POLL = 'poll';

/** Answers a chat message: a suggestion is stored, a command shows its card or its answer. */
export async function answerCommand(turn: Turn, command: TeamsCommand): Promise<Reply> {
  const c = catalog(turn.locale);
  if ((command.kind === 'mine' || command.kind === 'delete' || command.kind === 'profile') && !turn.personal) {
    return { text: c.teams.personalOnly };
  }
  try {
    switch (command.kind) {
      case 'help':
        return { text: c.messages.help({ cmd: CMD, poll: POLL }) };
      case 'form':
        return { card: suggestionForm(turn.locale, turn.core.settings.topics) };
      case 'suggest': {
        const shared = await turn.core.documentCommand(turn.actor, command.text);
        if (shared !== null) return { text: shared };
        const { suggestion } = await turn.core.submitSuggestion(turn.actor, { text: command.text }, { dedupeKey: turn.dedupeKey });
        return { text: `${c.messages.suggestionStored({ ref: suggestionRef(suggestion.id) })}\n${c.messages.suggestionTopicHint({ cmd: CMD })}` };
      }
      case 'poll': {
        if (command.text === '') return { card: pollForm(turn.locale) };
        if (asksForPollHelp(command.text)) return { text: catalog(turn.locale).pollHelp.text({ cmd: 'poll', member: await turn.core.isMember(turn.actor.id) }) };
        const outcome = await turn.core.pollPlans.command(turn.actor, command.text, 'poll', { channelId: turn.conversationId });
        if ('text' in outcome) return { text: outcome.text };
        return { card: pollCard(await turn.core.viewPoll(outcome.poll), [], turn.locale, turn.core.settings.timeZone, undefined, creatorView(turn)), pollId: outcome.poll.id };
      }
      case 'mine':
        return { text: await mineText(turn) };
      case 'delete':
        return { card: deleteConfirmation(turn.locale) };
      case 'profile':
        return { card: profileForm(turn.locale, await turn.core.getProfile(turn.actor)) };
      case 'review':
        return reviewQueueReply(turn);
      case 'contact':
        return { text: `${c.followUp.projectGroup}\n${projectGroupText(turn.locale, turn.core.settings.projectMembers ?? [])}` };
    }
  } catch (error) {
    return { text: explain(turn, error) };
  }
}

async function mineText(turn: Turn): Promise<string> {
  const { locale, core } = turn;
  const m = catalog(locale).messages;
  const { suggestions, votes } = await core.mine(turn.actor);
  if (!suggestions.length && !votes.length) return m.mineNone;
  const lines = [m.mineHeader];
  for (const s of suggestions) {
    lines.push(`${m.mineSuggestion({ ref: suggestionRef(s.id), date: formatDate(locale, s.createdAt, core.settings.timeZone), topic: label(locale, 'topics', s.topic), status: statusText(s, locale) })}: ${s.text}`);
    if (s.statusNote) lines.push(catalog(locale).followUp.mineNote({ note: s.statusNote }));
  }
  if (votes.length) {
    lines.push('', m.mineVotesHeader);
    for (const v of votes) lines.push(m.mineVote({ question: v.poll.question, options: v.choices.map((i) => v.poll.options[i]).join(', ') }));
  }
  return lines.join('\n');
}
