import { defineSection } from '../define.ts';

/** What only the Teams adapter says: chat replies, card texts and the app package's store texts. */
export const teams = defineSection(
  {
    welcome:
      'Hei! Jeg er Innspill. Skriv et innspill til prosjektgruppen for felles røst her, så får du et referansenummer. Skriv «hjelp» for å se alt jeg kan.',
    unknownSender: 'Jeg klarer ikke å se hvem du er i Teams, så jeg kan ikke lagre dette. Prøv igjen fra Teams-klienten.',
    personalOnly: 'Dette viser personlige data. Skriv det til meg i en privat chat, så svarer jeg bare deg.',
    staleCard: 'Dette kortet er utdatert. Skriv «hjelp» for å begynne på nytt.',
    fieldInvalid: (p: { field: string }) => `${p.field}: ugyldig verdi.`,
    notGiven: 'Ikke oppgitt',
    closesDate: 'Stenger dato (valgfritt)',
    closesTime: 'Klokkeslett (valgfritt)',
    yourChoice: 'Ditt valg',
    votes: (p: { count: string }) => `${p.count} stemmer`,
    refresh: 'Oppdater',
    replyFromProject: (p: { ref: string; text: string }) => `Svar fra prosjektgruppen på innspill ${p.ref}:\n\n${p.text}`,
    digestCut: 'Oppsummeringen er for lang for én Teams-melding og er kuttet her. Hele oppsummeringen: npx innspill digest --preview',
    appShortName: 'Innspill',
    appFullName: 'Innspill – felles røst for næringslivet i Indre Østfold',
    appShortDescription: 'Send innspill og svar på korte avstemninger til prosjektgruppen.',
    appFullDescription:
      'Innspill samler innspill fra næringslivet i Indre Østfold til prosjektgruppen for felles røst. Send innspill i chat eller skjema (anonymt om du vil), svar på korte avstemninger, fortell område, bransje og størrelse, se hva du har sendt og slett det når du vil.',
    cmdInnspill: 'Send et innspill, eller åpne skjemaet',
    cmdPoll: 'Lag en avstemning: poll "Spørsmål?" "Svar 1" "Svar 2"',
    cmdMine: 'Se hva du har sendt inn',
    cmdSlett: 'Slett dataene dine',
    cmdProfil: 'Fortell område, bransje og størrelse',
    cmdHjelp: 'Se hva Innspill kan',
  },
  {
    welcome:
      "Hi! I'm Innspill. Write a suggestion for the common voice project group here and you get a reference number. Type “help” to see everything I can do.",
    unknownSender: 'I cannot tell who you are in Teams, so I cannot store this. Please try again from the Teams client.',
    personalOnly: 'This shows personal data. Send it to me in a personal chat and I will answer only you.',
    staleCard: 'This card is out of date. Type “help” to start again.',
    fieldInvalid: (p: { field: string }) => `${p.field}: invalid value.`,
    notGiven: 'Not given',
    closesDate: 'Closing date (optional)',
    closesTime: 'Time (optional)',
    yourChoice: 'Your choice',
    votes: (p: { count: string }) => `${p.count} votes`,
    refresh: 'Refresh',
    replyFromProject: (p: { ref: string; text: string }) => `Reply from the project group to suggestion ${p.ref}:\n\n${p.text}`,
    digestCut: 'The digest is too long for one Teams message and is cut here. The whole digest: npx innspill digest --preview',
    appShortName: 'Innspill',
    appFullName: 'Innspill – a common voice for the businesses of Indre Østfold',
    appShortDescription: 'Send suggestions and answer short polls for the project group.',
    appFullDescription:
      'Innspill gathers input from the businesses of Indre Østfold for the project group behind the common voice. Send suggestions in chat or through a form (anonymously if you like), answer short polls, tell your area, industry and size, see what you have sent and delete it whenever you want.',
    cmdInnspill: 'Send a suggestion, or open the form',
    cmdPoll: 'Create a poll: poll "Question?" "Answer 1" "Answer 2"',
    cmdMine: 'See what you have sent',
    cmdSlett: 'Delete your data',
    cmdProfil: 'Tell your area, industry and size',
    cmdHjelp: 'See what Innspill can do',
  },
);
