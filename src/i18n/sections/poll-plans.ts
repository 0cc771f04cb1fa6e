import { defineSection } from '../define.ts';

/** Polls with many options (a menu), scheduled, recurring, edited and deleted polls, and poll reminders. */
export const pollPlans = defineSection(
  {
    choosePlaceholder: 'Velg et svar',
    voteButton: 'Stem',
    scheduled: (p: { id: number; when: string; everyone: boolean }) =>
      `Avstemning ${p.id} er planlagt og ${p.everyone ? 'sendes til alle deltakere' : 'legges ut her'} ${p.when}.`,
    roundsTitle: (p: { question: string }) => `Runde for runde: «${p.question}»`,
    roundLine: (p: { round: number; when: string; results: string; voters: number }) => `Runde ${p.round} (${p.when}): ${p.results} – ${p.voters} stemte`,
    roundHidden: 'vises når runden stenger',
    notRecurring: (p: { id: number }) => `Avstemning ${p.id} gjentas ikke, så den har ingen runder å sammenligne.`,
    usage: (p: { cmd: string }) => `Bruk: ${p.cmd} runder <nr> · ${p.cmd} rediger <nr> "Spørsmål?" "Svar 1" "Svar 2" · ${p.cmd} slett <nr>`,
    edited: (p: { id: number }) => `Avstemning ${p.id} er endret.`,
    deleted: (p: { id: number }) => `Avstemning ${p.id} er slettet, med stemmene.`,
    deletedNotice: 'Denne avstemningen er slettet.',
    reminder: 'Påminnelse: du har ikke stemt ennå.',
  },
  {
    choosePlaceholder: 'Choose an answer',
    voteButton: 'Vote',
    scheduled: (p: { id: number; when: string; everyone: boolean }) =>
      `Poll ${p.id} is scheduled and will be ${p.everyone ? 'sent to every participant' : 'posted here'} ${p.when}.`,
    roundsTitle: (p: { question: string }) => `Round by round: “${p.question}”`,
    roundLine: (p: { round: number; when: string; results: string; voters: number }) => `Round ${p.round} (${p.when}): ${p.results} – ${p.voters} voted`,
    roundHidden: 'shown when the round closes',
    notRecurring: (p: { id: number }) => `Poll ${p.id} does not repeat, so it has no rounds to compare.`,
    usage: (p: { cmd: string }) => `Usage: ${p.cmd} rounds <no> · ${p.cmd} edit <no> "Question?" "Answer 1" "Answer 2" · ${p.cmd} delete <no>`,
    edited: (p: { id: number }) => `Poll ${p.id} is changed.`,
    deleted: (p: { id: number }) => `Poll ${p.id} is deleted, with its votes.`,
    deletedNotice: 'This poll has been deleted.',
    reminder: 'Reminder: you have not voted yet.',
  },
);
