import type { NewPoll, PersonKeys, Store } from '../../src/ports/store.ts';
import { castVote, type CastVote } from '../../src/usecases/cast-vote.ts';
import type { NewOutboxMessage } from '../../src/ports/outbox.ts';

export const now = new Date('2026-11-23T10:00:00Z');
export const later = (ms: number) => new Date(now.getTime() + ms);
export const DAY = 86_400_000;

export const pollInput = (over: Partial<NewPoll> = {}): NewPoll => ({
  question: 'Q?',
  options: ['A', 'B', 'C'],
  multipleChoice: false,
  anonymous: false,
  resultsVisibility: 'live',
  closesAt: null,
  audience: { kind: 'channel', platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
  creatorId: 'slack:T1:U1',
  workspaceKey: 'slack:T1',
  createdAt: now,
  ...over,
});

/** A vote as the use case casts it: decided by the core, in one of the store's units of work. */
export const castVoteIn = (store: Store, v: CastVote) => store.unitOfWork.run((tx) => castVote(tx, v));

/** Person `i`'s click: their own pseudonyms, derived from `i` as the key file would. */
export const vote = (pollId: number, i: number, option: number, over: Partial<CastVote> = {}): CastVote => ({
  pollId,
  voter: { id: `slack:T1:U${i}`, platform: 'slack', workspaceId: 'T1', userId: `U${i}`, locale: 'nb' },
  voterKey: `v${i}`,
  activityKey: `a${i}`,
  minGroupSize: 5,
  option,
  now,
  ...over,
});

export const personKeys = (i: number): PersonKeys => ({
  id: `slack:T1:U${i}`,
  workspaceId: 'T1',
  userId: `U${i}`,
  named: `n${i}`,
  anonymous: `x${i}`,
  activity: `a${i}`,
  voter: () => `v${i}`,
});

export const noHooks = { sealedIsTheirs: () => false, state: [] };

export const message = (key: string, over: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
  platform: 'slack',
  workspaceId: 'T1',
  recipient: { kind: 'user', userId: 'U2' },
  payload: { type: 'poll', pollId: 1 },
  dedupeKey: key,
  label: 'slack:T1:U2',
  ...over,
});

export const suggestionInput = (i: number, over: Partial<Parameters<Store['suggestions']['add']>[0]> = {}): Parameters<Store['suggestions']['add']>[0] => ({
  workspaceKey: 'slack:T1',
  senderKey: `n${i}`,
  activityKey: `a${i}`,
  senderId: `slack:T1:U${i}`,
  sealedSender: null,
  topic: 'other',
  text: `forslag fra ${i}`,
  anonymous: false,
  publishable: true,
  companyName: null,
  segment: { area: null, industry: null, sizeBand: null },
  createdAt: now,
  ...over,
});
