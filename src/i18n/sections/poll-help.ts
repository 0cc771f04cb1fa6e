import { defineSection } from '../define.ts';

/** `/poll help` (and `/poll` alone): the inline syntax and every flag, in the user's language. */
export const pollHelp = defineSection(
  {
    text: (p: { cmd: string; member: boolean }) =>
      [
        `Avstemning: ${p.cmd} "Spørsmål?" "Svar 1" "Svar 2" … (2–25 svar, hvert i anførselstegn; over 10 vises de som en meny)`,
        'Valg:',
        '  --flere (--multiple): flere svar per person',
        '  --anonym (--anonymous): ingen ser hvem som stemte hva',
        '  --skjult (--hidden): resultatene vises først når avstemningen stenger',
        '  --stenger 3d (--closes): stenger om 30m, 2t, 3d eller 1u, eller på en dato som 2026-12-01 12:00',
        '  --starter 15.01.2027 09:00 (--at): legges ut på det tidspunktet (også 2027-01-15T09:00)',
        '  --stenger-om 3d (--close-in): stenger så lenge etter at den er lagt ut',
        '  --hver "0 9 * * 1" (--every): en ny runde hver gang cron-uttrykket sier (her mandager kl. 09); hver runde stenger når den neste starter',
        `  ${p.cmd} runder <nr>: resultatene runde for runde`,
        `  ${p.cmd} rediger <nr> "Spørsmål?" "Svar 1" "Svar 2": endre en avstemning ingen har stemt i ennå (den som laget den, eller prosjektgruppen)`,
        `  ${p.cmd} slett <nr>: slett en avstemning med stemmene; meldingene sier at den er slettet`,
        ...(p.member
          ? [
              '  --alle (--everyone): send til alle deltakere på Slack og Teams (bare prosjektgruppen)',
              '  --påminn 2d (--remind): minn dem som ikke har stemt på det, så lenge etter utsendingen (kan gjentas; med --alle)',
            ]
          : []),
        `Eksempel: ${p.cmd} "Hvilken dag passer?" "Mandag" "Tirsdag" --flere --stenger 2d`,
      ].join('\n'),
  },
  {
    text: (p: { cmd: string; member: boolean }) =>
      [
        `Poll: ${p.cmd} "Question?" "Option 1" "Option 2" … (2–25 options, each in quotes; above 10 they show as a menu)`,
        'Flags:',
        '  --multiple (--flere): more than one answer per person',
        '  --anonymous (--anonym): no one sees who voted for what',
        '  --hidden (--skjult): results are shown only when the poll closes',
        '  --closes 3d (--stenger): closes in 30m, 2h, 3d or 1w, or at a date such as 2026-12-01 12:00',
        '  --at 15.01.2027 09:00 (--starter): posted at that time (also 2027-01-15T09:00)',
        '  --close-in 3d (--stenger-om): closes this long after it is posted',
        '  --every "0 9 * * 1" (--hver): a new round each time the cron expression names (here Mondays at 09); each round closes when the next starts',
        `  ${p.cmd} rounds <no>: the results round by round`,
        `  ${p.cmd} edit <no> "Question?" "Answer 1" "Answer 2": change a poll no one has voted in yet (its creator, or the project group)`,
        `  ${p.cmd} delete <no>: delete a poll with its votes; its messages say it was deleted`,
        ...(p.member
          ? [
              '  --everyone (--alle): send to every participant on Slack and Teams (project members only)',
              '  --remind 2d (--påminn): remind those who have not voted this long after the send (repeatable; with --everyone)',
            ]
          : []),
        `Example: ${p.cmd} "Which day suits you?" "Monday" "Tuesday" --multiple --closes 2d`,
      ].join('\n'),
  },
);
