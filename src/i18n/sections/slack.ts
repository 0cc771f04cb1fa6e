import { defineSection } from '../define.ts';

/** What only the Slack adapter says: App Home, hints about channels, replies relayed from the group. */
export const slack = defineSection(
  {
    inviteBot: 'Jeg får ikke poste i denne kanalen. Inviter meg med /invite @Innspill og prøv igjen, eller lag avstemningen i en kanal der jeg er med.',
    andMore: (p: { count: string }) => `… og ${p.count} til`,
    homeTitle: 'Innspill',
    homeAbout:
      'Innspill samler innspill, ideer og svar fra næringslivet i Indre Østfold til prosjektgruppen for *felles røst*: kommunen, næringsforeningene og sparebankene. Prosjektgruppen leser alt og legger fram en anbefaling på næringslivskonferansen.',
    homeHowTo: 'Skriv `/innspill` og teksten din, send meg en direktemelding, eller bruk knappene under. `/innspill hjelp` viser alt jeg kan.',
    homeMine: 'Dine innspill',
    homePolls: 'Åpne avstemninger',
    homeNoPolls: 'Ingen åpne avstemninger nå.',
    homeSend: 'Send innspill',
    homeProfile: 'Din profil',
    close: 'Lukk',
    replyFromGroup: (p: { ref: string }) => `Svar fra prosjektgruppen på innspill ${p.ref}:`,
    pollVoteButton: 'Stem',
    pollDatePast: 'Tidspunktet for stenging har allerede vært.',
  },
  {
    inviteBot: 'I may not post in this channel. Invite me with /invite @Innspill and try again, or create the poll in a channel I am in.',
    andMore: (p: { count: string }) => `… and ${p.count} more`,
    homeTitle: 'Innspill',
    homeAbout:
      'Innspill gathers suggestions, ideas and answers from the businesses of Indre Østfold for the project group behind the *common voice*: the municipality, the business associations and the savings banks. The group reads everything and presents a recommendation at the annual business conference.',
    homeHowTo: 'Type `/innspill` and your text, send me a direct message, or use the buttons below. `/innspill help` shows everything I can do.',
    homeMine: 'Your suggestions',
    homePolls: 'Open polls',
    homeNoPolls: 'No open polls right now.',
    homeSend: 'Send a suggestion',
    homeProfile: 'Your profile',
    close: 'Close',
    replyFromGroup: (p: { ref: string }) => `Reply from the project group to suggestion ${p.ref}:`,
    pollVoteButton: 'Vote',
    pollDatePast: 'That closing time has already passed.',
  },
);
