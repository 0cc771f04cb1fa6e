import { InnspillError } from '../errors.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS, segmentOf, workspaceKey, type Actor, type Participant, type Segment } from '../domain/participant.ts';
import { resolveLocale, type Locale } from '../i18n/locale.ts';
import type { Survey, SurveySend, TimedOutboxMessage } from '../ports/surveys.ts';
import { missingRequired, validateAnswers, type AnswerIssue, type Answers } from '../surveys/answers.ts';
import type { SurveyDefinition } from '../surveys/definition.ts';
import { aggregateSurvey, type SurveyResults } from '../surveys/results.ts';
import { inTarget, type SurveyTarget } from '../surveys/target.ts';
import { textAnswersOf } from '../surveys/follow-up.ts';
import { proposeTopic } from '../topics/match.ts';
import type { CoreDeps } from './context.ts';
import { surveyChatCommand } from './survey-chat.ts';

/** Who acts: a member in chat, or the operator at the command line (trusted, like `members add`). */
export type SurveyOperator = Actor | 'cli';

async function mustBeMember(deps: CoreDeps, by: SurveyOperator): Promise<string> {
  if (by === 'cli') return 'cli';
  if (!(await deps.store.members.isMember(by.id))) throw new InnspillError('not_allowed');
  return by.id;
}

export async function createSurvey(deps: CoreDeps, by: SurveyOperator, definition: SurveyDefinition): Promise<Survey> {
  return deps.store.surveys.create(definition, await mustBeMember(deps, by), deps.clock());
}

async function surveyOrThrow(deps: CoreDeps, id: number): Promise<Survey> {
  const survey = await deps.store.surveys.get(id);
  if (!survey) throw new InnspillError('survey_not_found');
  return survey;
}

/** Open: sent (its first send has started), not closed by hand, and its closing time not passed. */
export function isSurveyOpen(survey: Survey, sends: readonly SurveySend[], now: Date): boolean {
  return sends.some((s) => s.startsAt <= now) && !survey.closedAt && (!survey.closesAt || survey.closesAt > now);
}

/**
 * When a sent survey stops (or stopped) taking answers: closed by hand or at its closing time,
 * whichever came first; null when it has no end yet or was never sent before it.
 */
export function surveyClosedAt(survey: Survey, sends: readonly SurveySend[]): Date | null {
  const times = [survey.closedAt, survey.closesAt].filter((d): d is Date => d !== null);
  if (!times.length) return null;
  const at = new Date(Math.min(...times.map((d) => d.getTime())));
  return sends.some((s) => s.startsAt <= at) ? at : null;
}

export type SurveyStatus = 'draft' | 'scheduled' | 'open' | 'closed';

export interface SurveyOverview {
  survey: Survey;
  sends: SurveySend[];
  open: boolean;
  /** Not sent yet, sent for a later time, open, or closed (by hand or by its closing time). */
  status: SurveyStatus;
  responses: number;
}

function statusOf(survey: Survey, sends: readonly SurveySend[], now: Date): SurveyStatus {
  if (isSurveyOpen(survey, sends, now)) return 'open';
  if (survey.closedAt || (survey.closesAt && survey.closesAt <= now)) return 'closed';
  return sends.length ? 'scheduled' : 'draft';
}

async function overview(deps: CoreDeps, survey: Survey): Promise<SurveyOverview> {
  const [sends, responses] = await Promise.all([deps.store.surveys.sends(survey.id), deps.store.surveys.responses(survey.id)]);
  const now = deps.clock();
  return { survey, sends, open: isSurveyOpen(survey, sends, now), status: statusOf(survey, sends, now), responses: responses.filter((r) => r.complete).length };
}

export async function listSurveys(deps: CoreDeps): Promise<SurveyOverview[]> {
  return Promise.all((await deps.store.surveys.list()).map((s) => overview(deps, s)));
}

export async function showSurvey(deps: CoreDeps, id: number): Promise<SurveyOverview> {
  return overview(deps, await surveyOrThrow(deps, id));
}

export interface SendOptions {
  target: SurveyTarget;
  /** When the survey goes out; now if not given. */
  at?: Date;
  closeAt?: Date;
  /** Reminders this long after the send (once each), only to those who have not answered. */
  remindAfterMs?: number[];
}

type Reachable = Participant & { platform: 'slack' | 'teams' };

/**
 * Sends a survey to its target group through the outbox, in one transaction with the send's
 * record: each person gets one message (its key is the survey and the person, so sending again
 * never reaches anyone twice), and each reminder is queued for its time. Whether a reminder (or the
 * message itself) still goes is decided when it is due (`surveyDelivery`), so answering or opting
 * out in between is respected.
 */
export async function sendSurvey(deps: CoreDeps, by: SurveyOperator, id: number, options: SendOptions): Promise<{ send: SurveySend; queued: number }> {
  await mustBeMember(deps, by);
  const survey = await surveyOrThrow(deps, id);
  const now = deps.clock();
  if (survey.closedAt || (survey.closesAt && survey.closesAt <= now)) throw new InnspillError('survey_invalid', { reason: 'closed' });
  const startsAt = options.at ?? now;
  if (options.at && options.at <= now) throw new InnspillError('survey_invalid', { reason: 'time_in_past' });
  if (options.closeAt && options.closeAt <= startsAt) throw new InnspillError('survey_invalid', { reason: 'closes_before_start' });
  const remindAt = (options.remindAfterMs ?? []).map((ms) => new Date(startsAt.getTime() + ms));
  if (options.closeAt && remindAt.some((r) => r >= options.closeAt!)) throw new InnspillError('survey_invalid', { reason: 'reminder_after_close' });
  const recipients = (await deps.store.participants.list()).filter(
    (p): p is Reachable => p.platform !== 'console' && inTarget(options.target, p.profile),
  );
  const messages: TimedOutboxMessage[] = [];
  for (const p of recipients) {
    const base = { platform: p.platform, workspaceId: p.workspaceId, recipient: { kind: 'user' as const, userId: p.userId }, label: p.id };
    messages.push({ ...base, at: startsAt, payload: { type: 'survey', surveyId: id, participantId: p.id, reminder: false }, dedupeKey: `survey:${id}:${p.id}` });
    for (const at of remindAt) {
      messages.push({ ...base, at, payload: { type: 'survey', surveyId: id, participantId: p.id, reminder: true }, dedupeKey: `survey:${id}:remind:${at.getTime()}:${p.id}` });
    }
  }
  const send = await deps.store.surveys.send(
    { surveyId: survey.id, target: options.target, startsAt, closesAt: options.closeAt ?? null, remindAt, createdAt: now },
    messages,
  );
  return { send, queued: messages.length };
}

export async function closeSurvey(deps: CoreDeps, by: SurveyOperator, id: number): Promise<Survey> {
  await mustBeMember(deps, by);
  await surveyOrThrow(deps, id);
  return (await deps.store.surveys.close(id, deps.clock()))!;
}

/** What a participant answering sees: the survey, their answers so far, and whether they may answer. */
export interface SurveyForAnswering {
  survey: Survey;
  answers: Answers;
  complete: boolean;
}

/** Refuses a survey that is closed, unknown, or not sent to this participant's segment. */
export async function surveyForAnswering(deps: CoreDeps, actor: Actor, id: number): Promise<SurveyForAnswering> {
  const survey = await surveyOrThrow(deps, id);
  const sends = await deps.store.surveys.sends(id);
  const now = deps.clock();
  if (!isSurveyOpen(survey, sends, now)) throw new InnspillError('survey_closed');
  const profile = (await deps.store.participants.get(actor.id))?.profile ?? null;
  if (!sends.some((s) => s.startsAt <= now && inTarget(s.target, profile))) throw new InnspillError('survey_not_for_you');
  const stored = await deps.store.surveys.response(id, deps.vault.respondentKey(id, actor.id));
  return { survey, answers: stored?.answers ?? {}, complete: stored?.complete ?? false };
}

/**
 * The segment a response is counted in: the participant's profile, and where it says nothing, their
 * answers to questions with the ids `area`, `industry` and `size` whose options are the profile's keys
 * (the project's questionnaire asks them, and most respondents never fill in a profile).
 */
export function segmentWith(profile: Segment, answers: Answers): Segment {
  const pick = <K extends string>(list: readonly K[], value: unknown): K | null => (typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as K) : null);
  return {
    area: profile.area ?? pick(AREAS, answers.area),
    industry: profile.industry ?? pick(INDUSTRIES, answers.industry),
    sizeBand: profile.sizeBand ?? pick(SIZE_BANDS, answers.size),
  };
}

export type SaveAnswersResult = { ok: true; complete: boolean; answers: Answers } | { ok: false; issues: AnswerIssue[] };

/**
 * Saves part (one page: `only`) or all of a response. The part's required questions must be
 * answered; the rest of what was saved before stays, so a response left half-way is kept. With
 * `finish`, every required question must have an answer and the response counts as complete; a
 * complete response edited later stays complete. Nothing is stored when anything is wrong.
 */
export async function saveSurveyAnswers(
  deps: CoreDeps,
  actor: Actor,
  id: number,
  answers: Answers,
  options: { only?: readonly string[]; finish: boolean },
): Promise<SaveAnswersResult> {
  const current = await surveyForAnswering(deps, actor, id);
  const definition = current.survey.definition;
  const checked = validateAnswers(definition, answers, { complete: true, ...(options.only ? { only: options.only } : {}) });
  if (!checked.ok) return checked;
  const replaced = new Set(options.only ?? definition.questions.map((q) => q.id));
  const merged: Answers = Object.fromEntries(Object.entries(current.answers).filter(([k]) => !replaced.has(k)));
  Object.assign(merged, checked.answers);
  const missing = missingRequired(definition, merged);
  if (options.finish && missing.length) return { ok: false, issues: missing.map((questionId) => ({ questionId, problem: 'required' })) };
  const now = deps.clock();
  const participant = await deps.store.participants.touch({ ...actor, now });
  const complete = (options.finish || current.complete) && missing.length === 0;
  const topics = deps.settings.topics;
  const fallback = topics.includes('other') ? 'other' : topics[topics.length - 1]!;
  const keywords = deps.settings.topicKeywords?.();
  await deps.store.surveys.saveResponse({
    surveyId: id,
    respondentKey: deps.vault.respondentKey(id, actor.id),
    answers: merged,
    complete,
    segment: segmentWith(segmentOf(participant.profile), merged),
    now,
    workspaceKey: workspaceKey(actor),
    // Free text enters the follow-up loop with a proposed topic, as a suggestion sent without one does.
    texts: textAnswersOf(definition, merged, (text) => (keywords ? proposeTopic(text, keywords, topics, fallback) : fallback)),
  });
  return { ok: true, complete, answers: merged };
}

export async function surveyResults(deps: CoreDeps, id: number): Promise<{ survey: Survey; results: SurveyResults }> {
  const survey = await surveyOrThrow(deps, id);
  const [sends, responses] = await Promise.all([deps.store.surveys.sends(id), deps.store.surveys.responses(id)]);
  const recipients = sends.reduce((sum, s) => sum + s.recipients, 0);
  return { survey, results: aggregateSurvey(survey.definition, responses, recipients, deps.settings.minGroupSize) };
}

/** Open surveys sent to this participant's segment: what the console and chat list offer to answer. */
export async function openSurveysFor(deps: CoreDeps, actor: Actor): Promise<SurveyForAnswering[]> {
  const found: SurveyForAnswering[] = [];
  for (const s of await deps.store.surveys.list()) {
    try {
      found.push(await surveyForAnswering(deps, actor, s.id));
    } catch (error) {
      if (!(error instanceof InnspillError)) throw error;
    }
  }
  return found;
}

/** `/innspill stopp` (off) and `/innspill start` (on): survey invitations and reminders for this person. */
export async function setSurveyMessages(deps: CoreDeps, actor: Actor, on: boolean): Promise<void> {
  await deps.store.surveys.setOptOut(deps.vault.optOutKey(actor.id), !on, deps.clock());
}

export type SurveyDeliveryDecision =
  | { send: true; survey: Survey; locale: Locale; reminder: boolean; answers: Answers }
  | { send: false; reason: 'closed' | 'opted_out' | 'answered' | 'gone' };

/**
 * Decided when an invitation or reminder is due, not when it was queued: nothing goes to a person who
 * turned survey messages off, nothing after the survey closed, and a reminder only to someone who has
 * not finished their response.
 */
export async function surveyDelivery(deps: CoreDeps, payload: { surveyId: number; participantId: string; reminder: boolean }): Promise<SurveyDeliveryDecision> {
  const survey = await deps.store.surveys.get(payload.surveyId);
  if (!survey) return { send: false, reason: 'gone' };
  const sends = await deps.store.surveys.sends(survey.id);
  if (!isSurveyOpen(survey, sends, deps.clock())) return { send: false, reason: 'closed' };
  if (await deps.store.surveys.isOptedOut(deps.vault.optOutKey(payload.participantId))) return { send: false, reason: 'opted_out' };
  const response = await deps.store.surveys.response(survey.id, deps.vault.respondentKey(survey.id, payload.participantId));
  if (payload.reminder && response?.complete) return { send: false, reason: 'answered' };
  const participant = await deps.store.participants.get(payload.participantId);
  return { send: true, survey, locale: resolveLocale(participant?.locale, deps.settings.defaultLocale), reminder: payload.reminder, answers: response?.answers ?? {} };
}

/** Erasure: the person's response to every survey (each under its own key) and their opt-out. */
export function forgetRespondent(deps: CoreDeps, participantId: string): Promise<number> {
  return deps.store.surveys.forgetRespondent((surveyId) => deps.vault.respondentKey(surveyId, participantId), deps.vault.optOutKey(participantId));
}

/** An access request: the person's survey responses, found with the key file. */
export function responsesOf(deps: CoreDeps, participantId: string) {
  return deps.store.surveys.responsesOf((surveyId) => deps.vault.respondentKey(surveyId, participantId));
}

/** The survey use cases on one set of ports, as `Innspill.surveys`. */
export function surveyUseCases(deps: CoreDeps) {
  return {
    create: (by: SurveyOperator, definition: SurveyDefinition) => createSurvey(deps, by, definition),
    list: () => listSurveys(deps),
    show: (id: number) => showSurvey(deps, id),
    send: (by: SurveyOperator, id: number, options: SendOptions) => sendSurvey(deps, by, id, options),
    close: (by: SurveyOperator, id: number) => closeSurvey(deps, by, id),
    forAnswering: (actor: Actor, id: number) => surveyForAnswering(deps, actor, id),
    save: (actor: Actor, id: number, answers: Answers, options: { only?: readonly string[]; finish: boolean }) => saveSurveyAnswers(deps, actor, id, answers, options),
    results: (id: number) => surveyResults(deps, id),
    openFor: (actor: Actor) => openSurveysFor(deps, actor),
    setMessages: (actor: Actor, on: boolean) => setSurveyMessages(deps, actor, on),
    delivery: (payload: { surveyId: number; participantId: string; reminder: boolean }) => surveyDelivery(deps, payload),
    /** `stopp`, `start`, `undersøkelse …` typed in chat: the answer, or null if the text is none of them. */
    chat: (actor: Actor, text: string, firstDelivery?: () => Promise<boolean>) => surveyChatCommand(deps, actor, text, firstDelivery),
    /** For erasure: a person's survey responses and opt-out, by their id. */
    forgetRespondent: (participantId: string) => forgetRespondent(deps, participantId),
  };
}
