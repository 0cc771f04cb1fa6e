import type { DigestPeriod } from '../digest/model.ts';
import type { Segment } from '../domain/participant.ts';
import type { Suggestion } from '../domain/suggestion.ts';
import type { Answers } from '../surveys/answers.ts';
import type { SurveyDefinition } from '../surveys/definition.ts';
import type { ResponseForResults } from '../surveys/results.ts';
import type { SurveyTarget } from '../surveys/target.ts';
import type { NewOutboxMessage } from './outbox.ts';

export interface Survey {
  id: number;
  definition: SurveyDefinition;
  creatorId: string;
  createdAt: Date;
  /** When it closes: the closing time of the latest send that gave one. */
  closesAt: Date | null;
  /** Set when a member closed it. */
  closedAt: Date | null;
}

export interface SurveySend {
  id: number;
  surveyId: number;
  target: SurveyTarget;
  startsAt: Date;
  closesAt: Date | null;
  remindAt: Date[];
  /** How many this send reached first, for the response rate. */
  recipients: number;
  createdAt: Date;
}

export interface StoredResponse {
  answers: Answers;
  complete: boolean;
  updatedAt: Date;
}

/**
 * A free-text answer as it enters the follow-up loop: a row of the suggestions (moderation, topic,
 * status), kept in step with the response it belongs to.
 */
export interface SurveyTextAnswer {
  questionId: string;
  text: string;
  /** Proposed from the words; kept when a member has moved it. */
  topic: string;
}

/** A message queued for a moment: the send itself, or a reminder. */
export interface TimedOutboxMessage extends NewOutboxMessage {
  at: Date;
}

/**
 * Surveys, their sends and responses. A response is stored under a pseudonym of its own survey
 * (`IdentityVault.respondentKey`), never the person's id, with the segment they had when answering;
 * an opt-out under `IdentityVault.optOutKey`.
 */
export interface SurveyStore {
  create(definition: SurveyDefinition, creatorId: string, now: Date): Promise<Survey>;
  get(id: number): Promise<Survey | null>;
  list(): Promise<Survey[]>;
  /**
   * Records the send and queues its messages and reminders in one transaction. Its `recipients` are
   * those whose invitation was newly queued: a person an earlier send reached is not counted twice.
   */
  send(send: Omit<SurveySend, 'id' | 'recipients'>, messages: TimedOutboxMessage[]): Promise<SurveySend>;
  sends(surveyId: number): Promise<SurveySend[]>;
  close(id: number, now: Date): Promise<Survey | null>;
  response(surveyId: number, respondentKey: string): Promise<StoredResponse | null>;
  /**
   * Creates or replaces the one response of this respondent, and in the same transaction brings its
   * free-text answers in the follow-up loop into line: a new one is added (anonymous, consented,
   * under the respondent's key, in `workspaceKey`), a changed one takes the new text and waits for
   * review again, a cleared one is removed.
   */
  saveResponse(input: { surveyId: number; respondentKey: string; answers: Answers; complete: boolean; segment: Segment; now: Date; workspaceKey: string; texts: SurveyTextAnswer[] }): Promise<void>;
  /** Responses begun in the period, each counted once however often it was edited. */
  newResponses(surveyId: number, period: DigestPeriod): Promise<number>;
  /** The survey's free-text answers as follow-up items, oldest first, in every state: the core decides what is shown. */
  textAnswers(surveyId: number): Promise<Suggestion[]>;
  responses(surveyId: number): Promise<ResponseForResults[]>;
  /** Survey messages off (true) or on again (false) for a person, by pseudonym. */
  setOptOut(personKey: string, off: boolean, now: Date): Promise<void>;
  isOptedOut(personKey: string): Promise<boolean>;
  /** Erasure: deletes the person's response to every survey (their key per survey), its free-text items, and their opt-out; returns responses deleted. */
  forgetRespondent(respondentKey: (surveyId: number) => string, optOutKey: string): Promise<number>;
  /** An access request: the person's responses, found by their key per survey. */
  responsesOf(respondentKey: (surveyId: number) => string): Promise<(StoredResponse & { surveyId: number })[]>;
}
