import type { ParticipantRef } from '../domain/participant.ts';
import { formatParticipantId } from '../domain/participant.ts';
import type { ErasureHooks, PersonKeys } from '../ports/store.ts';
import type { CoreDeps } from './context.ts';
import { forgetRespondent, responsesOf } from './surveys.ts';

const DAY_MS = 86_400_000;
/** Dead outbox rows stay this long, so an operator can still see and retry what failed. */
export const DEAD_OUTBOX_DAYS = 90;
/** Delivery records (replay protection) and which digest parts were sent: Slack retries within minutes, Teams not at all; a week is ample. */
export const DELIVERY_RECORD_DAYS = 7;

/** Every key a person's records can carry, recomputed with the key file. */
export function personKeys(deps: Pick<CoreDeps, 'vault'>, ref: ParticipantRef): PersonKeys {
  const id = formatParticipantId(ref);
  return {
    id,
    workspaceId: ref.workspaceId,
    userId: ref.userId,
    named: deps.vault.key(id),
    anonymous: deps.vault.anonymousKey(id),
    activity: deps.vault.activityKey(id),
    voter: (pollId) => deps.vault.voterKey(pollId, id),
  };
}

function hooksFor(deps: CoreDeps, ref: ParticipantRef): ErasureHooks {
  return {
    sealedIsTheirs(sealed) {
      try {
        const recipient = JSON.parse(deps.vault.open(sealed)) as { userId?: string; workspaceId?: string };
        return recipient.userId === ref.userId && recipient.workspaceId === ref.workspaceId;
      } catch {
        return false;
      }
    },
    state: deps.platformRecords?.personal(ref) ?? [],
  };
}

/** Removes every row about the person (chat "delete my data", `innspill forget`). */
export async function forgetPerson(deps: CoreDeps, ref: ParticipantRef) {
  const erased = await deps.store.privacy.forget(personKeys(deps, ref), hooksFor(deps, ref), deps.clock());
  return { ...erased, surveyResponses: await forgetRespondent(deps, formatParticipantId(ref)) };
}

/** Everything held about the person, anonymous records included: an access request's answer. */
export async function showPerson(deps: CoreDeps, ref: ParticipantRef) {
  const held = await deps.store.privacy.holdings(personKeys(deps, ref), hooksFor(deps, ref));
  return { ...held, surveyResponses: await responsesOf(deps, formatParticipantId(ref)) };
}

/** A reply's recipient as the outbox keeps it for an anonymous sender: sealed, with its workspace inside. */
export function sealRecipient(deps: CoreDeps, ref: ParticipantRef): string {
  return deps.vault.seal(JSON.stringify({ kind: 'user', userId: ref.userId, workspaceId: ref.workspaceId }));
}

/** The worker's side of `sealRecipient`: opened only at the moment of sending. */
export function openRecipient(deps: Pick<CoreDeps, 'vault'>, sealed: string): { kind: 'user'; userId: string } {
  const { userId } = JSON.parse(deps.vault.open(sealed)) as { userId: string };
  return { kind: 'user', userId };
}

/** Retention: what `serve` runs every hour and `innspill maintenance` once. */
export function runMaintenance(deps: CoreDeps) {
  const now = deps.clock().getTime();
  const daysAgo = (days: number) => new Date(now - days * DAY_MS);
  return deps.store.privacy.prune({
    sentBefore: daysAgo(deps.settings.retentionDays),
    digestsBefore: daysAgo(deps.settings.retentionDays),
    deadBefore: daysAgo(DEAD_OUTBOX_DAYS),
    deliveryRecordsBefore: daysAgo(DELIVERY_RECORD_DAYS),
    sealedSendersBefore: daysAgo(deps.settings.replyWindowDays),
    shortLivedNamespaces: deps.platformRecords?.shortLived ?? [],
  });
}
