import type { Poll } from './poll.ts';

export type Action = 'poll_everyone' | 'poll_channel' | 'close_poll' | 'digest' | 'export' | 'moderate';

export interface Rules {
  /** Whether participants may start polls in their own channels, not only members. */
  participantPolls: boolean;
}

export interface Subject {
  id: string;
  isMember: boolean;
}

/** Who may do what: members run the project; participants talk, vote and handle their own polls. */
export function may(subject: Subject, action: Action, rules: Rules, poll?: Pick<Poll, 'creatorId'>): boolean {
  if (subject.isMember) return true;
  switch (action) {
    case 'poll_channel':
      return rules.participantPolls;
    case 'close_poll':
      return poll !== undefined && poll.creatorId === subject.id;
    default:
      return false;
  }
}
