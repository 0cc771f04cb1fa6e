import { defineSection } from '../define.ts';
import type { Noun } from '../plural.ts';

/**
 * Words of the digest's overview: what needs a member, the topics at a glance, and the nouns every
 * count in the digest takes in its singular or plural form (see `countOf`).
 */
export const summary = defineSection(
  {
    nouns: {
      suggestion: { one: 'innspill', other: 'innspill' },
      vote: { one: 'stemme', other: 'stemmer' },
      participant: { one: 'deltaker', other: 'deltakere' },
      similar: { one: 'lignende innspill', other: 'lignende innspill' },
      voter: { one: 'som stemte', other: 'som stemte' },
    } satisfies Record<string, Noun>,
    changeNote: 'endring fra forrige periode i parentes',
    attention: 'Trenger deg',
    attentionNone: 'Ingenting venter på prosjektgruppen denne uken.',
    attentionMore: (p: { count: string }) => `… og ${p.count} til i listen over alle innspill.`,
    reasons: {
      question: 'spør prosjektgruppen',
      request: 'ber prosjektgruppen om noe',
      contact: 'vil bli kontaktet',
      phone: 'har oppgitt telefonnummer',
      email: 'har oppgitt e-post',
    },
    similar: (p: { count: string }) => `${p.count} denne uken`,
    closing: (p: { when: string; voters: string }) => `Stenger ${p.when} · ${p.voters} har stemt`,
    closePoll: 'Steng nå',
    seeSimilar: 'Se temaet',
    themes: 'Tema denne uken',
    fromAreas: 'Fra',
    fewer: (p: { than: string }) => `færre enn ${p.than}`,
    otherAreas: 'andre',
    fullList: 'Alle innspill, kort',
    moreActions: 'Handlinger',
    showAll: 'Vis hele teksten',
    pollShare: (p: { percent: string; voters: string }) => `${p.percent} av ${p.voters}`,
    multipleChoice: 'flere valg: andelene er av dem som stemte og summerer til mer enn 100 %',
    pollClosedNow: (p: { question: string }) => `Avstemningen «${p.question}» er stengt.`,
  },
  {
    nouns: {
      suggestion: { one: 'suggestion', other: 'suggestions' },
      vote: { one: 'vote', other: 'votes' },
      participant: { one: 'participant', other: 'participants' },
      similar: { one: 'similar suggestion', other: 'similar suggestions' },
      voter: { one: 'voter', other: 'voters' },
    },
    changeNote: 'change from the previous period in brackets',
    attention: 'Needs you',
    attentionNone: 'Nothing is waiting for the project group this week.',
    attentionMore: (p: { count: string }) => `… and ${p.count} more in the list of all suggestions.`,
    reasons: {
      question: 'asks the project group',
      request: 'asks the project group for something',
      contact: 'wants to be contacted',
      phone: 'gave a phone number',
      email: 'gave an e-mail address',
    },
    similar: (p: { count: string }) => `${p.count} this week`,
    closing: (p: { when: string; voters: string }) => `Closes ${p.when} · ${p.voters} voted`,
    closePoll: 'Close now',
    seeSimilar: 'See the topic',
    themes: 'Topics this week',
    fromAreas: 'From',
    fewer: (p: { than: string }) => `fewer than ${p.than}`,
    otherAreas: 'others',
    fullList: 'All suggestions, in brief',
    moreActions: 'Actions',
    showAll: 'Show the whole text',
    pollShare: (p: { percent: string; voters: string }) => `${p.percent} of ${p.voters}`,
    multipleChoice: 'multiple choice: shares are of voters and add up to more than 100 %',
    pollClosedNow: (p: { question: string }) => `The poll "${p.question}" is closed.`,
  },
);
