import { defineSection } from '../define.ts';
import type { Noun } from '../plural.ts';

/** Surveys where their results are read: the weekly digest, the export and the public page. */
export const surveyResults = defineSection(
  {
    heading: 'Undersøkelser',
    open: 'åpen',
    openUntil: (p: { at: string }) => `åpen til ${p.at}`,
    closed: 'stengt i perioden',
    answered: (p: { count: string }) => `${p.count} har svart`,
    answeredOf: (p: { count: string; of: string }) => `${p.count} av ${p.of} har svart`,
    newResponses: { one: 'nytt svar siden forrige oppsummering', other: 'nye svar siden forrige oppsummering' } satisfies Noun,
    newTexts: (p: { published: string; waiting: string }) => `Nye fritekstsvar: ${p.published} publiseres når den stenger, ${p.waiting} venter på vurdering`,
    waiting: 'venter på vurdering',
    results: 'Resultater',
    // The export and the public page.
    surveysTitle: 'Resultater av undersøkelser',
    closedOn: (p: { date: string }) => `Stengt ${p.date}`,
    responsesOf: (p: { count: string; of: string; rate: string }) => `${p.count} av ${p.of} svarte (${p.rate})`,
    tooFew: (p: { than: string }) => `Færre enn ${p.than} svarte, så resultatene vises ikke.`,
    answeredQuestion: (p: { count: string }) => `${p.count} svarte på spørsmålet`,
    average: (p: { value: string }) => `Gjennomsnitt ${p.value}`,
    freeText: 'Fritekstsvar',
    noFreeText: 'Ingen fritekstsvar er publisert.',
    bySegment: 'Etter område, bransje og størrelse',
    groupLine: (p: { group: string; count: string }) => `${p.group} (${p.count} svar)`,
    // The review queue.
    answerTo: (p: { id: number; question: string }) => `svar på undersøkelse ${p.id} (${p.question})`,
  },
  {
    heading: 'Surveys',
    open: 'open',
    openUntil: (p: { at: string }) => `open until ${p.at}`,
    closed: 'closed in the period',
    answered: (p: { count: string }) => `${p.count} have answered`,
    answeredOf: (p: { count: string; of: string }) => `${p.count} of ${p.of} have answered`,
    newResponses: { one: 'new response since the last digest', other: 'new responses since the last digest' },
    newTexts: (p: { published: string; waiting: string }) => `New free-text answers: ${p.published} to be published when it closes, ${p.waiting} waiting for review`,
    waiting: 'waiting for review',
    results: 'Results',
    surveysTitle: 'Survey results',
    closedOn: (p: { date: string }) => `Closed ${p.date}`,
    responsesOf: (p: { count: string; of: string; rate: string }) => `${p.count} of ${p.of} answered (${p.rate})`,
    tooFew: (p: { than: string }) => `Fewer than ${p.than} answered, so the results are not shown.`,
    answeredQuestion: (p: { count: string }) => `${p.count} answered the question`,
    average: (p: { value: string }) => `Average ${p.value}`,
    freeText: 'Free-text answers',
    noFreeText: 'No free-text answers are published.',
    bySegment: 'By area, industry and size',
    groupLine: (p: { group: string; count: string }) => `${p.group} (${p.count} responses)`,
    answerTo: (p: { id: number; question: string }) => `answer to survey ${p.id} (${p.question})`,
  },
);
