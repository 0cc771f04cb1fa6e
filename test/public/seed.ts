import { AREAS, INDUSTRIES, SIZE_BANDS } from '../../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import type { Innspill } from '../../src/innspill.ts';
import { actor, type FakeClock } from '../helpers/core.ts';

/**
 * A realistic few months of input from Indre Østfold, through the core's own use cases: people with
 * profiles, suggestions in Norwegian on every topic, polls with votes. Deterministic, so a page is
 * the same on every run. Also stores what must never be published, with `SECRET` in its text.
 */
export const SECRET = 'HEMMELIG';

const OPENINGS = ['Kommunen bør', 'Vi ønsker at dere', 'Det hadde hjulpet mye om en kunne', 'Foreslår at prosjektgruppen', 'Næringslivet trenger at noen'];
const ACTIONS = [
  'korte ned saksbehandlingstiden for byggesøknader',
  'lage en felles møteplass for gründere',
  'samordne åpningstidene i sentrum',
  'få på plass bedre bredbånd i distriktene',
  'tilby rimelige lokaler til nyetablerte bedrifter',
  'arrangere en årlig næringslivsdag',
  'gjøre det enklere å søke om skjenkebevilling',
  'markedsføre regionen mot bedrifter i Oslo',
  'bygge ut ladepunkter for varebiler',
  'lage en felles nettside for alle lokale butikker',
  'sikre at innkjøp i kommunen når lokale leverandører',
  'styrke kollektivtilbudet mellom tettstedene',
];
const PLACES = ['i Askim', 'i Mysen', 'på Spydeberg', 'i Trøgstad', 'på Hobøl', 'i hele Indre Østfold'];
const REASONS = ['slik at flere velger å etablere seg her.', 'fordi det i dag tar alt for lang tid.', 'så vi slipper å reise til Oslo.', 'og det haster før sommeren.', '– dette vil gi flere arbeidsplasser lokalt.'];

const POLLS: [string, string[]][] = [
  ['Hva er viktigst for bedriften din det neste året?', ['Tilgang på arbeidskraft', 'Raskere byggesaker', 'Bedre veier', 'Lavere kostnader']],
  ['Bør felles røst organiseres som en forening?', ['Ja', 'Nei', 'Vet ikke']],
  ['Hvor ofte bør næringslivet møtes?', ['Månedlig', 'Hvert kvartal', 'Årlig']],
  ['Hvilket tettsted trenger mest oppmerksomhet?', ['Askim', 'Mysen', 'Spydeberg', 'Trøgstad', 'Hobøl']],
  ['Vil du betale kontingent for en felles næringsforening?', ['Ja, inntil 1 000 kr', 'Ja, inntil 5 000 kr', 'Nei']],
  ['Hvilken kanal foretrekker du for informasjon?', ['Slack eller Teams', 'E-post', 'Nettside', 'Møter']],
  ['Er saksbehandlingen i kommunen god nok?', ['Ja', 'Delvis', 'Nei']],
  ['Hva skal næringslivsdagen handle om?', ['Rekruttering', 'Grønn omstilling', 'Digitalisering', 'Samarbeid']],
  ['Bør kommunen prioritere sentrumsutvikling?', ['Ja', 'Nei']],
  ['Hvordan vil du helst gi innspill?', ['Kort avstemning', 'Fritekst', 'Spørreundersøkelse', 'Møte']],
];

export interface SeedResult {
  published: number;
  polls: number;
}

export async function seedPublicData(core: Innspill, clock: FakeClock, options: { suggestions: number; people: number; polls?: number }): Promise<SeedResult> {
  const people = Array.from({ length: options.people }, (_, i) => actor(`U${String(i).padStart(4, '0')}`));
  for (const [i, person] of people.entries()) {
    // Most give a profile; a few leave parts out, as people do.
    await core.saveProfile(person, {
      companyName: `Bedrift ${i} AS`,
      area: AREAS[i % 4 === 3 ? 0 : i % AREAS.length],
      ...(i % 7 === 0 ? {} : { industry: INDUSTRIES[i % 5] }),
      sizeBand: SIZE_BANDS[i % SIZE_BANDS.length],
    });
  }
  const member = actor('UMEMBER');
  await core.members.add(member.id, clock());
  const step = Math.floor((90 * 24 * 3600 * 1000) / options.suggestions);
  let published = 0;
  for (let i = 0; i < options.suggestions; i++) {
    clock.advance(step);
    const text = `${OPENINGS[i % OPENINGS.length]} ${ACTIONS[(i * 7) % ACTIONS.length]} ${PLACES[(i * 3) % PLACES.length]}, ${REASONS[i % REASONS.length]}`;
    const { suggestion } = await core.submitSuggestion(people[i % people.length]!, { text, topic: DEFAULT_TOPICS[i % DEFAULT_TOPICS.length], anonymous: i % 3 === 0, publishable: true });
    // Review mode (the default): published once a member approves it.
    await core.approve(member, suggestion.id);
    published += 1;
  }
  // What the page must never show: no consent, and hidden by a member.
  await core.submitSuggestion(people[0]!, { text: `${SECRET} uten samtykke`, publishable: false });
  const hidden = await core.submitSuggestion(people[1]!, { text: `${SECRET} skjult av moderator`, publishable: true });
  await core.hide(member, hidden.suggestion.id, 'Personopplysninger');

  const pollCount = options.polls ?? POLLS.length;
  for (let p = 0; p < pollCount; p++) {
    const [question, answers] = POLLS[p % POLLS.length]!;
    const poll = await core.createPoll(
      member,
      { question: pollCount > POLLS.length ? `${question} (${p + 1})` : question, options: answers, multipleChoice: false, anonymous: true, resultsAfterClose: false, everyone: false, closes: null },
      { channelId: 'C1' },
    );
    const voters = 12 + ((p * 13) % people.length);
    for (let v = 0; v < Math.min(voters, people.length); v++) {
      clock.advance(60_000);
      // A skewed but varied spread: earlier options are more popular, as in real polls.
      const pick = Math.floor(answers.length * ((((v + 1) * 7919 + p * 104729) % 1000) / 1000) ** 1.6);
      await core.vote(people[(v + p) % people.length]!, poll.id, pick);
    }
    if (p % 3 === 0) await core.closePoll(member, poll.id);
  }
  // A poll whose results stay hidden until it closes, and one too small to publish.
  const hiddenPoll = await core.createPoll(
    member,
    { question: `${SECRET} skjult til stengt`, options: ['A', 'B'], multipleChoice: false, anonymous: true, resultsAfterClose: true, everyone: false, closes: null },
    { channelId: 'C1' },
  );
  for (let v = 0; v < 6; v++) await core.vote(people[v]!, hiddenPoll.id, 0);
  return { published, polls: pollCount };
}
