import { defineSection } from '../define.ts';

/** Polls with many options (a menu), scheduled, recurring, edited and deleted polls, and poll reminders. */
export const pollPlans = defineSection(
  {
    choosePlaceholder: 'Velg et svar',
    voteButton: 'Stem',
  },
  {
    choosePlaceholder: 'Choose an answer',
    voteButton: 'Vote',
  },
);
