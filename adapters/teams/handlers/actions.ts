import type { Profile } from '../../../src/domain/participant.ts';
import type { Poll } from '../../../src/domain/poll.ts';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { isInnspillError } from '../../../src/errors.ts';
import type { ZodError } from 'zod';
import { catalog, describePollSyntaxError, label, type Locale } from '../../../src/i18n/index.ts';
import { checkPollTexts } from '../../../src/polls/syntax.ts';
import { doneCard, inputLabel, pollForm, profileForm, suggestionForm, VERBS, type PollFormValues } from '../cards/forms.ts';
import { creatorView, pollCard } from '../cards/poll-card.ts';
import type { Reply } from '../reply.ts';
import {
  actionEnvelope,
  firstInvalidField,
  pollRef,
  pollSubmission,
  profileSubmission,
  suggestionSubmission,
  voteSubmission,
} from '../submissions.ts';
import { closePollFromDigest, openReplyForm, sendReply, showTopicPage } from './digest.ts';
import { reviewAction, sendAnswer } from './follow-up.ts';
import { FOLLOW_UP_VERBS } from '../cards/follow-up.ts';
import { SURVEY_VERBS } from '../cards/survey-card.ts';
import { answerSurvey } from './surveys.ts';
import { explain, type Turn } from './turn.ts';

/** "<label>: invalid value", naming the input as the form shows it. */
function invalid(locale: Locale, error: ZodError): string {
  return catalog(locale).teams.fieldInvalid({ field: inputLabel(locale, firstInvalidField(error)) });
}

/**
 * Answers a card action, whether it came as a Universal Action (invoke) or as the Action.Submit
 * fallback (a message with a value). The reply is the card that should stand in the clicked one's place.
 */
export async function answerCardAction(turn: Turn, value: unknown): Promise<Reply> {
  const t = catalog(turn.locale).teams;
  const envelope = actionEnvelope.safeParse(value);
  if (!envelope.success) return { text: t.staleCard };
  switch (envelope.data.verb) {
    case VERBS.suggest:
      return submitSuggestion(turn, value);
    case VERBS.profile:
      return saveProfile(turn, value);
    case VERBS.createPoll:
      return createPoll(turn, value);
    case VERBS.vote:
    case VERBS.close:
    case VERBS.reopen:
    case VERBS.refresh:
      return pollAction(turn, envelope.data.verb, value);
    case VERBS.deleteConfirm:
    case VERBS.deleteCancel:
      return deleteAction(turn, envelope.data.verb);
    case VERBS.digestReply:
      return openReplyForm(turn, value);
    case VERBS.digestReplySend:
      return sendReply(turn, value);
    case FOLLOW_UP_VERBS.approve:
    case FOLLOW_UP_VERBS.hide:
    case FOLLOW_UP_VERBS.status:
      return reviewAction(turn, envelope.data.verb, value);
    case FOLLOW_UP_VERBS.answer:
      return sendAnswer(turn, value);
    case VERBS.digestSeeAll:
    case VERBS.digestPage:
      return showTopicPage(turn, value, envelope.data.verb === VERBS.digestPage);
    case VERBS.digestClosePoll:
      return closePollFromDigest(turn, value);
    case SURVEY_VERBS.submit:
      return answerSurvey(turn, value);
    default:
      return { text: t.staleCard };
  }
}

async function submitSuggestion(turn: Turn, value: unknown): Promise<Reply> {
  const { locale, core } = turn;
  const parsed = suggestionSubmission.safeParse(value);
  if (!parsed.success) return { card: suggestionForm(locale, core.settings.topics, {}, invalid(locale, parsed.error)) };
  const input = parsed.data;
  try {
    const { suggestion } = await core.submitSuggestion(turn.actor, input, { dedupeKey: turn.dedupeKey });
    const m = catalog(locale).messages;
    return { card: doneCard((input.anonymous ? m.suggestionStoredAnonymous : m.suggestionStored)({ ref: suggestionRef(suggestion.id) })) };
  } catch (error) {
    return { card: suggestionForm(locale, core.settings.topics, input, explain(turn, error)) };
  }
}

async function saveProfile(turn: Turn, value: unknown): Promise<Reply> {
  const { locale, core } = turn;
  const parsed = profileSubmission.safeParse(value);
  if (!parsed.success) return { card: profileForm(locale, null, invalid(locale, parsed.error)) };
  try {
    const profile = await core.saveProfile(turn.actor, parsed.data);
    const m = catalog(locale).messages;
    const summary = m.profileSummary({
      company: profile.companyName ?? catalog(locale).labels.unknownSegment,
      area: label(locale, 'areas', profile.area),
      industry: label(locale, 'industries', profile.industry),
      size: label(locale, 'sizes', profile.sizeBand),
    });
    return { card: doneCard(`${m.profileSaved}\n\n${summary}`) };
  } catch (error) {
    // Keep what they chose so they fix one field rather than start over.
    return { card: profileForm(locale, parsed.data as Profile, explain(turn, error)) };
  }
}

async function createPoll(turn: Turn, value: unknown): Promise<Reply> {
  const { locale, core } = turn;
  const t = catalog(locale).teams;
  const parsed = pollSubmission.safeParse(value);
  if (!parsed.success) return { card: pollForm(locale, {}, invalid(locale, parsed.error)) };
  const v = parsed.data;
  const values: PollFormValues = v;
  if (v.closesTime && !v.closesDate) return { card: pollForm(locale, values, t.fieldInvalid({ field: inputLabel(locale, 'closesDate') })) };
  const checked = checkPollTexts(v.question, v.options.split(/\r?\n/), {
    multipleChoice: v.multiple,
    anonymous: v.anonymous,
    resultsAfterClose: v.hidden,
    everyone: v.everyone,
    closes: v.closesDate ? { kind: 'at', date: v.closesDate, time: v.closesTime ?? null } : null,
  });
  if (!checked.ok) return { card: pollForm(locale, values, describePollSyntaxError(locale, checked.error)) };
  try {
    const poll = await core.createPoll(turn.actor, checked.draft, { channelId: turn.conversationId });
    await turn.post({ card: pollCard(await core.viewPoll(poll), [], locale, core.settings.timeZone, undefined, creatorView(turn)), pollId: poll.id });
    return { card: doneCard(catalog(locale).messages.pollCreated({ id: poll.id })) };
  } catch (error) {
    return { card: pollForm(locale, values, explain(turn, error)) };
  }
}

async function pollAction(turn: Turn, verb: string, value: unknown): Promise<Reply> {
  const { locale, core, actor } = turn;
  const ref = pollRef.safeParse(value);
  if (!ref.success) return { text: catalog(locale).teams.staleCard };
  const { pollId } = ref.data;
  // The answer to a click is this person's own view: close and reopen only if they may use them.
  // `poll`: the poll a vote just read, so the card needs no second read of it.
  const show = async (mine: readonly number[], notice?: string, poll: Poll | number = pollId): Promise<Reply> => {
    const manage = await core.mayManagePoll(actor, pollId);
    const viewer = { manage, refreshFor: manage && turn.userMri ? [turn.userMri] : [] };
    return { card: pollCard(await core.viewPoll(poll), mine, locale, core.settings.timeZone, notice, viewer) };
  };
  try {
    if (verb === VERBS.vote) {
      const vote = voteSubmission.safeParse(value);
      if (!vote.success) return show(await core.myChoices(actor, pollId), catalog(locale).errors.codes.poll_bad_option({}));
      const result = await core.vote(actor, pollId, vote.data.option, { dedupeKey: turn.dedupeKey, revision: vote.data.rev });
      return show(result.choices, undefined, result.poll);
    }
    if (verb === VERBS.close) await core.closePoll(actor, pollId);
    if (verb === VERBS.reopen) await core.reopenPoll(actor, pollId);
    return show(await core.myChoices(actor, pollId));
  } catch (error) {
    // A refusal (closed, not allowed) is shown on the poll itself, with its current state.
    if (isInnspillError(error) && error.code !== 'poll_not_found' && error.code !== 'poll_other_workspace') {
      return show(await core.myChoices(actor, pollId), explain(turn, error));
    }
    return { text: explain(turn, error) };
  }
}

async function deleteAction(turn: Turn, verb: string): Promise<Reply> {
  const c = catalog(turn.locale);
  if (!turn.personal) return { text: c.teams.personalOnly };
  if (verb === VERBS.deleteCancel) return { card: doneCard(c.messages.deleteCancelled) };
  try {
    return { card: doneCard(c.messages.deleted(await turn.core.forgetMe(turn.actor))) };
  } catch (error) {
    return { card: doneCard(explain(turn, error)) };
  }
}
