import type { ParticipantId, Segment } from './participant.ts';
import { InnspillError } from '../errors.ts';
import type { Progress } from './follow-up.ts';

export const SUGGESTION_MAX_LENGTH = 3000;

/** The topics of the project group's mandate; the composition root may pass others. */
export const DEFAULT_TOPICS = [
  'framework',
  'growth',
  'attraction',
  'place',
  'organisation',
  'financing',
  'other',
] as const;

export type SuggestionStatus = 'new' | 'hidden';

export interface Suggestion {
  id: number;
  /** The sender's workspace key (`slack:T123`), kept so a tenant only ever sees its own. */
  workspaceKey: string;
  topic: string;
  text: string;
  anonymous: boolean;
  publishable: boolean;
  createdAt: Date;
  segment: Segment;
  /** The company at the time, unless the suggestion is anonymous. */
  companyName: string | null;
  status: SuggestionStatus;
  /** Null when anonymous: the store keeps only a sealed copy for replies. */
  senderId: ParticipantId | null;
  /** When a member approved it for publishing; null while it waits (see follow-up.ts). */
  approvedAt: Date | null;
  progress: Progress;
  /** The members' short public note on the status ("you said, we did"). */
  statusNote: string | null;
  progressAt: Date | null;
  /** The topic was proposed from the words, not chosen by the sender. */
  topicProposed: boolean;
  /** Set on a survey's free-text answer, which follows the same loop (see `surveys/follow-up.ts`). */
  survey?: { id: number; questionId: string };
}

/** What the user sees as the reference number. */
export function suggestionRef(id: number): string {
  return `#${id}`;
}

/** Trims and checks the text; the limit counts characters as people do, not UTF-16 units. */
export function validSuggestionText(raw: string): string {
  const text = raw.trim();
  if (text.length === 0) throw new InnspillError('suggestion_empty');
  const length = [...text].length;
  if (length > SUGGESTION_MAX_LENGTH) {
    throw new InnspillError('suggestion_too_long', { max: SUGGESTION_MAX_LENGTH, length });
  }
  return text;
}
