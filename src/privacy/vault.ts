import { createHmac } from 'node:crypto';
import { deriveKey, sealBox } from './seal.ts';

/**
 * Keeps identities unreadable where the rules say so. Every pseudonym is an HMAC with a key of its
 * own purpose, so no two kinds of record share a value a reader of the database file could join on:
 * `key` marks a person's named suggestions, `anonymousKey` their anonymous ones, `voterKey` their
 * vote in one poll (a different value in every poll), `respondentKey` their response to one survey,
 * `optOutKey` their "no survey messages", `activityKey` the hours they were active.
 * With the key file the person (and the operator's erasure) recomputes them all and finds
 * everything; without it, none of them leads anywhere. `seal` encrypts an id (AES-256-GCM) so a
 * member's reply can reach an anonymous sender without anyone reading who it is.
 */
export interface IdentityVault {
  key(participantId: string): string;
  anonymousKey(participantId: string): string;
  voterKey(pollId: number, participantId: string): string;
  activityKey(participantId: string): string;
  /** A person's response to one survey (a different value in every survey, like `voterKey`). */
  respondentKey(surveyId: number, participantId: string): string;
  /** A person's "no survey messages" (`/innspill stopp`). */
  optOutKey(participantId: string): string;
  /** A platform's delivery id that may name the person (Slack's vote clicks do), made unreadable. */
  deliveryKey(raw: string): string;
  seal(participantId: string): string;
  open(sealed: string): string;
}

export function createIdentityVault(secret: Buffer): IdentityVault {
  const hmac = (purpose: string) => {
    const key = deriveKey(secret, purpose);
    return (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  };
  const named = hmac('innspill pseudonym');
  const anonymous = hmac('innspill anonymous suggestion');
  const voter = hmac('innspill poll voter');
  const activity = hmac('innspill activity');
  const delivery = hmac('innspill delivery');
  const respondent = hmac('innspill survey respondent');
  const optOut = hmac('innspill survey opt-out');
  const box = sealBox(deriveKey(secret, 'innspill seal'));
  return {
    key: named,
    anonymousKey: anonymous,
    voterKey: (pollId, id) => voter(`${pollId}\n${id}`),
    activityKey: activity,
    respondentKey: (surveyId, id) => respondent(`${surveyId}\n${id}`),
    optOutKey: optOut,
    deliveryKey: delivery,
    seal: (id) => box.seal(id),
    open: (sealed) => box.open(sealed),
  };
}

/** What the database keeps to recognise its key file: a value derived from the key, from which the key cannot be found. */
export function keyCheckValue(secret: Buffer): string {
  return createHmac('sha256', deriveKey(secret, 'innspill key check')).update('innspill').digest('base64url').slice(0, 22);
}
