import { suggestionRef } from '../../../src/domain/suggestion.ts';
import type { DigestSuggestion } from '../../../src/digest/model.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { catalog } from '../../../src/i18n/index.ts';
import { replyForm, topicPageCards } from '../cards/digest-actions.ts';
import { doneCard } from '../cards/forms.ts';
import type { Reply } from '../reply.ts';
import { pollRef, replySubmission, suggestionRefData, topicPageRef } from '../submissions.ts';
import { explain, type Turn } from './turn.ts';

/*
 * The digest's buttons. A click on a digest card must not replace that card (it holds the rest of the
 * digest), so the reply form and a topic's list come as new messages and the click is answered with a
 * short note. Clicks on those new cards (send, next page) replace the card they came from.
 */

/** Replying and seeing every suggestion are for members; anyone else is told so in their language. */
function refusal(turn: Turn, error: unknown): string {
  return isInnspillError(error) && error.code === 'not_allowed' ? catalog(turn.locale).teams.membersOnly : explain(turn, error);
}

export async function openReplyForm(turn: Turn, value: unknown): Promise<Reply> {
  const t = catalog(turn.locale).teams;
  const ref = suggestionRefData.safeParse(value);
  if (!ref.success) return { text: t.staleCard };
  // The core decides again when the reply is sent; asking now spares a non-member a form they cannot use.
  if (!(await turn.core.isMember(turn.actor.id))) return { text: t.membersOnly };
  await turn.post({ card: replyForm(turn.locale, ref.data.suggestionId) });
  return { text: t.replyFormPosted };
}

export async function sendReply(turn: Turn, value: unknown): Promise<Reply> {
  const { locale } = turn;
  const parsed = replySubmission.safeParse(value);
  if (!parsed.success) {
    const ref = suggestionRefData.safeParse(value);
    if (!ref.success) return { text: catalog(locale).teams.staleCard };
    return { card: replyForm(locale, ref.data.suggestionId, undefined, catalog(locale).teams.fieldInvalid({ field: catalog(locale).teams.replyLabel })) };
  }
  const { suggestionId, text } = parsed.data;
  try {
    await turn.core.replyToSender(turn.actor, suggestionId, text, turn.cardMessageId ? { dedupeKey: `teams:${turn.cardMessageId}` } : {});
    return { card: doneCard(catalog(locale).teams.replySent({ ref: suggestionRef(suggestionId) })) };
  } catch (error) {
    // The form stays, with what they wrote, so a refusal or a too-long text costs them nothing.
    return { card: replyForm(locale, suggestionId, text, refusal(turn, error)) };
  }
}

/**
 * One page of a topic's suggestions. From the digest (`inPlace` false) the page is posted as new
 * messages; from a page's own buttons it replaces that page. A page too long for one card takes
 * several: the first answers the click, the rest follow in the chat.
 */
export async function showTopicPage(turn: Turn, value: unknown, inPlace: boolean): Promise<Reply> {
  const { locale, core } = turn;
  const t = catalog(locale).teams;
  const ref = topicPageRef.safeParse(value);
  if (!ref.success) return { text: t.staleCard };
  const { topic, start, end, page } = ref.data;
  const period = { start: new Date(start), end: new Date(end) };
  let suggestions: DigestSuggestion[];
  try {
    suggestions = await core.digestSuggestions(turn.actor, period, topic, page);
  } catch (error) {
    return { text: refusal(turn, error) };
  }
  const cards = topicPageCards(locale, core.settings.timeZone, topic, period, page, suggestions);
  const [first, ...rest] = cards;
  if (inPlace) {
    for (const card of rest) await turn.post({ card });
    return { card: first! };
  }
  for (const card of cards) await turn.post({ card });
  return { text: t.seeAllPosted };
}

/**
 * "Close now" on a poll in the digest's "needs you". The core decides who may (the creator and
 * members); the digest card stays as it is, and the answer is a short note.
 */
export async function closePollFromDigest(turn: Turn, value: unknown): Promise<Reply> {
  const ref = pollRef.safeParse(value);
  if (!ref.success) return { text: catalog(turn.locale).teams.staleCard };
  try {
    const poll = await turn.core.closePoll(turn.actor, ref.data.pollId);
    return { text: catalog(turn.locale).summary.pollClosedNow({ question: poll.question }) };
  } catch (error) {
    return { text: explain(turn, error) };
  }
}
