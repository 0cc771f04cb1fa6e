import type { Actor } from '../../src/domain/participant.ts';
import type { DigestPeriod } from '../../src/digest/model.ts';
import type { Innspill } from '../../src/innspill.ts';
import type { FakeClock } from './core.ts';

/**
 * A realistic week for Indre Østfold, at the volume a project member meets on a Monday: 62
 * participants over the five former municipalities, 80 new suggestions (14 anonymous) in Norwegian,
 * 4 polls with 20–55 voters, and a quieter week before it to compare with. Made through the real use
 * cases (profiles, suggestions, votes), so the store, the digest and the adapters see what they would
 * see in production. Deterministic: the same call gives the same week.
 */
export const FIXTURE = { participants: 62, suggestions: 80, anonymous: 14, polls: 4, previousSuggestions: 30 } as const;

const AREAS = ['askim', 'eidsberg', 'hobol', 'spydeberg', 'trogstad'] as const;
const INDUSTRIES = ['retail', 'manufacturing', 'construction', 'hospitality', 'agriculture', 'services'] as const;
const SIZES = ['solo', '2-9', '10-49', '50-249'] as const;
const COMPANIES = ['Bakeriet', 'Glomma Bygg', 'Trøgstad Gårdsmat', 'Askim Regnskap', 'Mysen Sykkel', 'Hobøl Mølle', 'Spydeberg Rør', 'Østfold Trelast', 'Kafé Torget', 'Eidsberg Maskin', 'Sentrum Blomster', 'Solbær Gård', 'Rakkestad Transport', 'IØ Data', 'Fjellet Frisør'];

/** Messages written to the project group; the digest must put these first. */
export const ADDRESSED = {
  callMe: 'Jeg har et konkret forslag til et felles innkjøpssamarbeid. Ring meg gjerne på 912 34 567, så forklarer jeg.',
  questionOrganisation: 'Når kommer dere med en anbefaling om hvordan felles røst skal organiseres? Vi må planlegge budsjettet for neste år.',
  questionFinancing: 'Kan dere si noe om hvordan kontingenten skal fordeles mellom små og store bedrifter?',
  email: 'Vi vil gjerne bidra i arbeidsgruppen for stedsutvikling – send oss en e-post på post@glommabygg.no.',
} as const;

/** A theme forming: the same concern said many ways. */
const PARKING = [
  'Parkeringen i Askim sentrum er for dyr, kundene drar heller til kjøpesenteret.',
  'Gratis parkering i sentrum de første to timene ville hjulpet butikkene i Askim.',
  'Parkering i sentrum koster for mye – handelen taper på det.',
  'Kortere gratis parkering i sentrum? Nei, lengre! Parkeringen er det kundene klager mest på.',
  'Parkeringsavgiften i Mysen sentrum skremmer bort kunder fra handelen.',
  'Dyr parkering i sentrum gjør det vanskelig for handelen å konkurrere med netthandel.',
  'Vi trenger flere parkeringsplasser i sentrum for varelevering.',
];

const BY_TOPIC: Record<string, string[]> = {
  framework: [
    'Saksbehandlingstiden for byggesøknader i kommunen er for lang; vi venter ofte tre måneder.',
    'Kommunale innkjøp bør deles opp i mindre kontrakter så lokale bedrifter kan levere.',
    'Eiendomsskatten for næringsbygg bør ses på igjen før budsjettet for 2028.',
    'Det er vanskelig å få svar fra kommunen om reguleringsplaner (f.eks. for Mysen nord).',
    'Gang- og sykkelvei langs fylkesveien ville gjort det lettere å rekruttere lærlinger.',
    'Bredbånd på bygda er fortsatt for dårlig – flere gårdsbruk har ikke fiber!',
    'Kommunen bør ha én kontaktperson for næringslivet, ikke fem.',
    'Reglene for skilting i sentrum er uklare og forskjellige fra tettsted til tettsted.',
  ],
  growth: [
    'Et felles gründerhus i Askim med kontorplasser og veiledning.',
    'Mentorordning der erfarne ledere hjelper nye bedrifter det første året.',
    'Samarbeid med videregående skole om lærlingplasser i flere bransjer.',
    'Felles kurs i digital markedsføring for små bedrifter.',
    'Innovasjonsmidler fra kommunen bør også gå til landbruket.',
    'Vi trenger et nettverk for bedrifter som vil eksportere.',
  ],
  attraction: [
    'Indre Østfold må markedsføre seg samlet mot bedrifter i Oslo-området.',
    'Ferdig regulerte næringstomter nær E18 vil trekke nye virksomheter.',
    'Boliger for nyansatte er en flaskehals når vi rekrutterer.',
    'En felles nettside med ledige lokaler i hele kommunen.',
  ],
  place: [
    'Flere benker og blomster i gågata i Mysen.',
    'Julemarked i Spydeberg sentrum med lokale produsenter.',
    'Torget i Askim trenger liv også på kveldstid.',
    'Bedre belysning på stasjonsområdet i Knapstad.',
    'Felles åpningstider for butikkene i sentrum på torsdager.',
  ],
  organisation: [
    'Felles røst bør ha et lite sekretariat, ikke bare frivillige styrer.',
    'Næringsforeningene bør fortsette lokalt, men med ett felles styre.',
    'Landbruket må ha en egen plass i felles røst.',
    'Årsmøtet bør gå på omgang mellom de fem tettstedene.',
  ],
  financing: [
    'Kontingenten bør følge antall ansatte, så små bedrifter ikke betaler like mye som store.',
    'Sparebankstiftelsene bør finansiere oppstarten de tre første årene.',
    'Kommunen bør bidra med et fast årlig tilskudd.',
  ],
  other: [
    'Takk for at dere spør oss!',
    'Næringsfrokosten i Trøgstad var veldig bra, mer av det.',
    'Lag en oversikt over alle lag og foreninger i kommunen.',
  ],
};

/** How many of the 80 each topic gets besides the 4 addressed messages and the 7 about parking. */
const PLAN: [string, number][] = [['framework', 14], ['growth', 11], ['attraction', 8], ['place', 10], ['organisation', 9], ['financing', 8], ['other', 9]];

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureWeek {
  period: DigestPeriod;
  people: Actor[];
  /** Suggestion ids by what they are, for assertions. */
  ids: { callMe: number; questionOrganisation: number; questionFinancing: number; email: number; parking: number[] };
  polls: { organisation: number; topics: number; merge: number; breakfast: number };
}

export interface FixtureOptions {
  /** Makes the participant with this number (1..62) an actor on the platform under test. */
  person: (n: number) => Actor;
  /** Who creates the polls (a project member). */
  creator: Actor;
  /** The Monday the week starts; the clock is left at its end. */
  start?: Date;
}

const DAY = 24 * 3600 * 1000;

export async function seedFixtureWeek(core: Innspill, clock: FakeClock, options: FixtureOptions): Promise<FixtureWeek> {
  const rnd = random(16);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const start = options.start ?? new Date('2026-11-16T07:00:00Z');
  const period = { start, end: new Date(start.getTime() + 7 * DAY) };
  const people = Array.from({ length: FIXTURE.participants }, (_, i) => options.person(i + 1));

  // The week before: a quieter one, so each figure and topic has a change to show.
  clock.set(new Date(start.getTime() - 6 * DAY));
  for (let i = 0; i < FIXTURE.previousSuggestions; i++) {
    const [topic] = PLAN[i % PLAN.length]!;
    await core.submitSuggestion(people[i % people.length]!, { topic, text: `${pick(BY_TOPIC[topic]!)} (forrige uke)` });
    clock.advance(3 * 3600 * 1000);
  }

  // Profiles: 56 of 62 give their area, most give industry and size; some name their company.
  clock.set(new Date(start.getTime() + 60_000));
  for (const [i, person] of people.entries()) {
    if (i % 11 === 10) continue;
    await core.saveProfile(person, {
      area: AREAS[i % AREAS.length],
      industry: pick(INDUSTRIES),
      sizeBand: pick(SIZES),
      ...(i % 3 === 0 ? { companyName: `${COMPANIES[i % COMPANIES.length]} AS` } : {}),
    });
  }

  // 80 suggestions spread over the week, 14 of them anonymous (never the addressed ones).
  const texts: { topic: string; text: string; key?: keyof typeof ADDRESSED | 'parking' }[] = [];
  texts.push({ topic: 'other', text: ADDRESSED.callMe, key: 'callMe' });
  texts.push({ topic: 'organisation', text: ADDRESSED.questionOrganisation, key: 'questionOrganisation' });
  texts.push({ topic: 'financing', text: ADDRESSED.questionFinancing, key: 'questionFinancing' });
  texts.push({ topic: 'place', text: ADDRESSED.email, key: 'email' });
  for (const text of PARKING) texts.push({ topic: 'place', text, key: 'parking' });
  for (const [topic, n] of PLAN) {
    const pool = BY_TOPIC[topic]!;
    // A pool used twice over: several people send the same thing, as they do.
    for (let i = 0; i < n; i++) texts.push({ topic, text: pool[i % pool.length]! });
  }
  if (texts.length !== FIXTURE.suggestions) throw new Error(`fixture: ${texts.length} suggestions, expected ${FIXTURE.suggestions}`);
  // The addressed ones come from people with a name; the anonymous ones are spread over the rest.
  const order = texts.map((t, i) => ({ ...t, at: i < 4 ? i * 7 + 3 : Math.floor(rnd() * 1000) })).sort((a, b) => a.at - b.at);
  const ids: FixtureWeek['ids'] = { callMe: 0, questionOrganisation: 0, questionFinancing: 0, email: 0, parking: [] };
  let anonymous = 0;
  for (const [i, t] of order.entries()) {
    clock.set(new Date(start.getTime() + 3600_000 + Math.floor((i * 6.5 * DAY) / order.length)));
    const anon = !t.key && anonymous < FIXTURE.anonymous && i % 5 === 1;
    if (anon) anonymous += 1;
    const sender = t.key && t.key !== 'parking' ? people[[0, 3, 6, 9][Object.keys(ADDRESSED).indexOf(t.key)]!]! : people[(i * 7) % people.length]!;
    const { suggestion } = await core.submitSuggestion(sender, { topic: t.topic, text: t.text, anonymous: anon, publishable: i % 2 === 0 });
    if (t.key === 'parking') ids.parking.push(suggestion.id);
    else if (t.key) ids[t.key] = suggestion.id;
  }
  if (anonymous !== FIXTURE.anonymous) throw new Error(`fixture: ${anonymous} anonymous, expected ${FIXTURE.anonymous}`);

  // Four polls, 20–55 voters each.
  clock.set(new Date(start.getTime() + 2 * DAY));
  const poll = async (question: string, opts: string[], extra: { multipleChoice?: boolean; closesInDays?: number }) => {
    const created = await core.createPoll(
      options.creator,
      { question, options: opts, multipleChoice: extra.multipleChoice ?? false, anonymous: false, resultsAfterClose: false, everyone: false, closes: extra.closesInDays ? { kind: 'in', ms: extra.closesInDays * DAY } : null },
      { channelId: 'C-fixture' },
    );
    return created.id;
  };
  const polls = {
    organisation: await poll('Hvilken organisasjonsform bør felles røst ha?', ['Forening', 'Samvirke', 'Aksjeselskap', 'Stiftelse'], {}),
    topics: await poll('Hvilke saker er viktigst for deg?', ['Parkering og trafikk', 'Kommunale innkjøp', 'Rekruttering', 'Markedsføring av regionen', 'Bredbånd'], { multipleChoice: true }),
    merge: await poll('Bør næringsforeningene slå seg sammen?', ['Ja', 'Nei', 'Vet ikke'], { closesInDays: 8 }),
    breakfast: await poll('Hvilken dag passer for næringsfrokost?', ['Tirsdag', 'Onsdag', 'Torsdag'], {}),
  };
  const voteAll = async (pollId: number, voters: number, choose: (i: number) => number[]) => {
    for (let i = 0; i < voters; i++) {
      clock.advance(60_000);
      for (const option of choose(i)) await core.vote(people[i]!, pollId, option);
    }
  };
  // 55 voters, single choice: 30 / 12 / 9 / 4.
  await voteAll(polls.organisation, 55, (i) => [i < 30 ? 0 : i < 42 ? 1 : i < 51 ? 2 : 3]);
  // 55 voters, multiple choice: 25 chose parking (45 % of voters, but only about a fifth of the votes).
  await voteAll(polls.topics, 55, (i) => [...(i < 25 ? [0] : []), ...(i % 2 === 0 ? [1] : []), ...(i % 3 === 0 ? [2] : []), ...(i % 4 === 0 ? [3] : []), ...(i % 5 === 0 || i % 2 === 1 ? [4] : [])]);
  // 20 voters.
  await voteAll(polls.merge, 20, (i) => [i < 11 ? 0 : i < 16 ? 1 : 2]);
  // 34 voters: 29, 3 and 2, so 9 % and 6 % must look different in the bars.
  await voteAll(polls.breakfast, 34, (i) => [i < 29 ? 0 : i < 32 ? 1 : 2]);

  clock.set(period.end);
  return { period, people, ids, polls };
}
