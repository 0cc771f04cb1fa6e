import { defineSection } from '../define.ts';

/** Polls with many options (a menu), scheduled, recurring, edited and deleted polls, and poll reminders. */
export const pollPlans = defineSection(
  {
    choosePlaceholder: 'Velg et svar',
    voteButton: 'Stem',
    scheduled: (p: { id: number; when: string; everyone: boolean }) =>
      `Avstemning ${p.id} er planlagt og ${p.everyone ? 'sendes til alle deltakere' : 'legges ut her'} ${p.when}.`,
  },
  {
    choosePlaceholder: 'Choose an answer',
    voteButton: 'Vote',
    scheduled: (p: { id: number; when: string; everyone: boolean }) =>
      `Poll ${p.id} is scheduled and will be ${p.everyone ? 'sent to every participant' : 'posted here'} ${p.when}.`,
  },
);
