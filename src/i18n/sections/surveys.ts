import { defineSection } from '../define.ts';
import type { AnswerProblem } from '../../surveys/answers.ts';

type Params = Readonly<Record<string, string | number>>;

const nbProblems: Record<AnswerProblem, (p: Params) => string> = {
  required: () => 'Dette spørsmålet må besvares.',
  bad_option: () => 'Velg et av svaralternativene.',
  too_many: (p) => `Velg høyst ${p.limit}.`,
  out_of_range: () => 'Velg et tall fra 1 til 5.',
  too_long: (p) => `Svaret er for langt; høyst ${p.limit} tegn.`,
  unknown_question: () => 'Dette spørsmålet finnes ikke i undersøkelsen.',
};

const enProblems: Record<AnswerProblem, (p: Params) => string> = {
  required: () => 'This question must be answered.',
  bad_option: () => 'Choose one of the options.',
  too_many: (p) => `Choose at most ${p.limit}.`,
  out_of_range: () => 'Choose a number from 1 to 5.',
  too_long: (p) => `The answer is too long; at most ${p.limit} characters.`,
  unknown_question: () => 'This question is not part of the survey.',
};

/** Why a send is refused (`survey_invalid`), for the error catalogue. */
export const SEND_REFUSALS: Record<'nb' | 'en', Record<string, string>> = {
  nb: {
    time_in_past: 'tidspunktet har allerede vært',
    closes_before_start: 'den stenger før den sendes',
    reminder_after_close: 'en påminnelse ville kommet etter at den stenger',
    closed: 'den er stengt',
  },
  en: {
    time_in_past: 'that time has passed',
    closes_before_start: 'it would close before it is sent',
    reminder_after_close: 'a reminder would come after it closes',
    closed: 'it is closed',
  },
};

/** What participants and members see of surveys, on every platform. */
export const surveys = defineSection(
  {
    problems: nbProblems,
    invitation: (p: { title: string }) => `Prosjektgruppen for felles røst ber om svarene dine: «${p.title}».`,
    reminder: (p: { title: string }) => `Påminnelse: du har ikke svart på «${p.title}» ennå. Det tar bare noen minutter.`,
    answerButton: 'Svar på undersøkelsen',
    editButton: 'Endre svarene',
    closesAt: (p: { when: string }) => `Stenger ${p.when}.`,
    stopHint: 'Vil du ikke ha flere undersøkelser? Skriv /innspill stopp.',
    modalTitle: 'Undersøkelse',
    next: 'Neste',
    submit: 'Send svar',
    page: (p: { page: number; pages: number }) => `Side ${p.page} av ${p.pages}`,
    optional: '(valgfritt)',
    chooseMax: (p: { max: number }) => `Velg høyst ${p.max}.`,
    scaleHint: (p: { low: string; high: string }) => `1 = ${p.low}, 5 = ${p.high}`,
    thanks: 'Takk! Svarene dine er lagret. Du kan endre dem til undersøkelsen stenger.',
    savedPartly: 'Svarene så langt er lagret. Du kan fortsette senere.',
    stopped: 'Du får ikke flere undersøkelser eller påminnelser. Skriv /innspill start for å slå dem på igjen.',
    started: 'Du får undersøkelser igjen.',
    noneOpen: 'Ingen åpne undersøkelser til deg nå.',
    listHeader: 'Undersøkelser:',
    listLine: (p: { id: number; title: string; status: string; responses: number }) => `#${p.id} ${p.title} (${p.status}, ${p.responses} svar)`,
    status: { draft: 'ikke sendt', scheduled: 'planlagt', open: 'åpen', closed: 'stengt' },
    sent: (p: { id: number; count: number }) => `Undersøkelse #${p.id} er sendt til ${p.count} deltakere.`,
    closed: (p: { id: number }) => `Undersøkelse #${p.id} er stengt.`,
    usage: 'Bruk: /innspill undersøkelse liste | send <nr> [alle|area:<nøkkel>|industry:<nøkkel>|size:<størrelse>] | steng <nr>',
    badTarget: (p: { message: string }) => `Ukjent mottakergruppe: ${p.message}.`,
    answerPrompt: (p: { number: number; count: number; text: string }) => `${p.number}/${p.count}: ${p.text}`,
    consoleChoose: 'Skriv nummeret (flere skilt med komma), eller Enter for å hoppe over.',
    consoleScale: 'Skriv et tall fra 1 til 5, eller Enter for å hoppe over.',
    consoleText: 'Skriv svaret, eller Enter for å hoppe over.',
    cardRequired: 'Må besvares',
    resultsSummary: (p: { responses: string; recipients: string; rate: string; partial: string }) =>
      `${p.responses} fullførte svar av ${p.recipients} som fikk undersøkelsen (svarprosent ${p.rate}); ${p.partial} påbegynte.`,
    resultsAnswered: (p: { count: string }) => `${p.count} svar`,
    resultsAverage: (p: { value: string }) => `Snitt ${p.value}`,
    resultsBySegment: 'Etter segment',
    resultsOther: 'Andre (små grupper slått sammen)',
    resultsFewer: (p: { than: number }) => `færre enn ${p.than}`,
    dimensions: { area: 'Område', industry: 'Bransje', sizeBand: 'Størrelse' },
  },
  {
    problems: enProblems,
    invitation: (p: { title: string }) => `The project group for a common voice asks for your answers: “${p.title}”.`,
    reminder: (p: { title: string }) => `Reminder: you have not answered “${p.title}” yet. It only takes a few minutes.`,
    answerButton: 'Answer the survey',
    editButton: 'Change your answers',
    closesAt: (p: { when: string }) => `Closes ${p.when}.`,
    stopHint: 'No more surveys? Write /innspill stop.',
    modalTitle: 'Survey',
    next: 'Next',
    submit: 'Send answers',
    page: (p: { page: number; pages: number }) => `Page ${p.page} of ${p.pages}`,
    optional: '(optional)',
    chooseMax: (p: { max: number }) => `Choose at most ${p.max}.`,
    scaleHint: (p: { low: string; high: string }) => `1 = ${p.low}, 5 = ${p.high}`,
    thanks: 'Thank you! Your answers are saved. You can change them until the survey closes.',
    savedPartly: 'Your answers so far are saved. You can continue later.',
    stopped: 'You will get no more surveys or reminders. Write /innspill start to turn them on again.',
    started: 'You will get surveys again.',
    noneOpen: 'No open surveys for you right now.',
    listHeader: 'Surveys:',
    listLine: (p: { id: number; title: string; status: string; responses: number }) => `#${p.id} ${p.title} (${p.status}, ${p.responses} responses)`,
    status: { draft: 'not sent', scheduled: 'scheduled', open: 'open', closed: 'closed' },
    sent: (p: { id: number; count: number }) => `Survey #${p.id} has been sent to ${p.count} participants.`,
    closed: (p: { id: number }) => `Survey #${p.id} is closed.`,
    usage: 'Usage: /innspill survey list | send <no> [everyone|area:<key>|industry:<key>|size:<band>] | close <no>',
    badTarget: (p: { message: string }) => `Unknown target group: ${p.message}.`,
    answerPrompt: (p: { number: number; count: number; text: string }) => `${p.number}/${p.count}: ${p.text}`,
    consoleChoose: 'Type the number (several separated by commas), or Enter to skip.',
    consoleScale: 'Type a number from 1 to 5, or Enter to skip.',
    consoleText: 'Type your answer, or Enter to skip.',
    cardRequired: 'Required',
    resultsSummary: (p: { responses: string; recipients: string; rate: string; partial: string }) =>
      `${p.responses} complete responses of ${p.recipients} sent the survey (response rate ${p.rate}); ${p.partial} begun.`,
    resultsAnswered: (p: { count: string }) => `${p.count} answers`,
    resultsAverage: (p: { value: string }) => `Average ${p.value}`,
    resultsBySegment: 'By segment',
    resultsOther: 'Others (small groups merged)',
    resultsFewer: (p: { than: number }) => `fewer than ${p.than}`,
    dimensions: { area: 'Area', industry: 'Industry', sizeBand: 'Size' },
  },
);
