import { describe, expect, it } from 'vitest';
import { loadTopicKeywords } from '../../adapters/cli/topic-keywords.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import { proposeTopic, stem } from '../../src/topics/match.ts';

/**
 * Suggestions as business owners in Indre Østfold would write them in a direct message, each labelled
 * by hand with the topic a project member would give it. Written for this test, not drawn from the keywords.
 */
const LABELLED: [string, string][] = [
  // framework (rammebetingelser)
  ['Byggesaksbehandlingen i kommunen tar altfor lang tid, vi ventet fire måneder på et svar om et tilbygg.', 'framework'],
  ['Eiendomsskatten på næringsbygg er blitt en stor belastning for oss som driver verksted i Mysen.', 'framework'],
  ['Det er for mye byråkrati når man skal søke om skjenkebevilling for et lite kafé.', 'framework'],
  ['Kommunale gebyrer for vann og avløp har økt mye, og det rammer bedrifter hardt.', 'framework'],
  ['Lokale leverandører taper anbud fordi kravene i offentlige anskaffelser er laget for store aktører.', 'framework'],
  ['Mobildekningen i Hobøl er så dårlig at vi mister kunder på telefon.', 'framework'],
  ['Vi trenger fiber til industriområdet på Trøgstad, dagens bredbånd holder ikke.', 'framework'],
  ['Reguleringsplanen for området vårt har ligget på vent i to år.', 'framework'],
  ['The planning permission process is slow and nobody answers emails from the municipality.', 'framework'],
  ['Municipal fees for waste collection are higher here than in neighbouring towns.', 'framework'],
  ['Too much paperwork for small firms that want to bid on public tenders.', 'framework'],
  // growth (vekst, innovasjon og entreprenørskap)
  ['Det burde finnes et gründernettverk for oss som starter opp i Askim.', 'growth'],
  ['Vi sliter med å rekruttere faglært arbeidskraft, særlig elektrikere.', 'growth'],
  ['Kunne kommunen samarbeide med videregående om flere lærlingplasser?', 'growth'],
  ['En næringshage eller inkubator i Indre Østfold hadde hjulpet nyoppstartede bedrifter.', 'growth'],
  ['Kurs i digitalisering og netthandel for små butikker ville vært nyttig.', 'growth'],
  ['Vi vil gjerne eksportere til Sverige, men mangler kompetanse på tollregler.', 'growth'],
  ['Få bedrifter her samarbeider om innovasjon, vi burde lage en klynge for mat og landbruk.', 'growth'],
  ['Mentorordning for unge gründere ville senket terskelen for å starte for seg selv.', 'growth'],
  ['We need a startup network where entrepreneurs can meet and share experience.', 'growth'],
  ['Hard to find skilled workers; apprenticeships with local schools would help.', 'growth'],
  ['Training in digital marketing for small shops would help us grow.', 'growth'],
  // attraction (tiltrekke nye virksomheter)
  ['Det er nesten ikke ledige næringstomter i Spydeberg, så nye bedrifter velger Ski i stedet.', 'attraction'],
  ['Kommunen bør markedsføre regionen bedre overfor bedrifter som vurderer å etablere seg her.', 'attraction'],
  ['Vi trenger flere ledige lokaler for kontorbedrifter i Askim.', 'attraction'],
  ['Hvorfor flytter ikke flere bedrifter hit når vi ligger så nær Oslo?', 'attraction'],
  ['Et eget næringsareal ved E18 kunne trukket til seg logistikkbedrifter.', 'attraction'],
  ['En kontaktperson i kommunen for nye etableringer ville gjort det enklere å komme hit.', 'attraction'],
  ['Omdømmet til Indre Østfold som næringsregion må bygges, i dag kjenner ingen oss.', 'attraction'],
  ['There is no ready industrial land, so companies that want to relocate go elsewhere.', 'attraction'],
  ['A one-stop contact for investors and new businesses would attract more companies.', 'attraction'],
  ['We should promote the region to tech firms looking for cheaper premises near Oslo.', 'attraction'],
  // place (stedsutvikling)
  ['Vi trenger bedre parkering i Askim sentrum, kundene gir opp og kjører til Ski.', 'place'],
  ['Julegata i Mysen bør få mer belysning og flere arrangementer i desember.', 'place'],
  ['Torget i Askim er dødt på kveldstid, vi trenger mer uteliv og benker.', 'place'],
  ['Bussen mellom Trøgstad og Mysen går for sjelden til at ansatte kan pendle.', 'place'],
  ['Gang- og sykkelvei langs fylkesveien ville gjort det tryggere for ansatte som sykler.', 'place'],
  ['Flere boliger i sentrum gir flere kunder til butikkene.', 'place'],
  ['Toget til Oslo stopper for sjelden i Spydeberg.', 'place'],
  ['Tomme butikklokaler i handlegata trenger midlertidig bruk, for eksempel popup-butikker.', 'place'],
  ['The town centre needs more events and festivals to bring people in.', 'place'],
  ['Public transport to the industrial area is poor, staff cannot get there without a car.', 'place'],
  ['Parking fees in the centre keep customers away from local shops.', 'place'],
  // organisation (organisering av felles røst)
  ['Felles røst bør ha et eget sekretariat med en daglig leder, ikke bare frivillige.', 'organisation'],
  ['Næringsforeningene i de fem gamle kommunene bør slås sammen til én organisasjon.', 'organisation'],
  ['Styret i felles røst må ha med små bedrifter, ikke bare de store.', 'organisation'],
  ['Vi trenger en talsperson som kan representere næringslivet overfor fylket.', 'organisation'],
  ['Et fast frokostmøte hver måned ville vært en god møteplass for medlemmene.', 'organisation'],
  ['Hvordan skal medlemskap fungere for enkeltpersonforetak?', 'organisation'],
  ['The common voice should be one association with a board elected by the members.', 'organisation'],
  ['Who will represent the businesses and speak for us towards the county?', 'organisation'],
  ['Please coordinate the business associations so we do not have five different meetings.', 'organisation'],
  // financing (finansiering)
  ['Hvem skal betale for felles røst? Kontingenten må ikke bli for høy for små bedrifter.', 'financing'],
  ['Sparebankene kunne sponset felles røst de første årene.', 'financing'],
  ['Kommunen bør bidra med tilskudd til drift av næringsforeningen.', 'financing'],
  ['Et næringsfond med lån til oppstartsbedrifter ville hjulpet mange.', 'financing'],
  ['Vi har ikke budsjett til å betale mer enn et par tusen kroner i året.', 'financing'],
  ['Søknader om støtte fra Innovasjon Norge er vanskelige for små firmaer.', 'financing'],
  ['The membership fee should depend on company size.', 'financing'],
  ['Could the savings banks fund the first two years through sponsorship?', 'financing'],
  ['We need access to small loans and grants for local businesses.', 'financing'],
  // other
  ['Takk for at dere tar initiativ til dette!', 'other'],
  ['Hvor kan jeg lese mer om prosjektet?', 'other'],
  ['Thanks, looking forward to the conference.', 'other'],
];

describe('topic proposals', () => {
  const keywords = loadTopicKeywords()!;

  it(`gives the hand-labelled topic to at least 70 % of ${LABELLED.length} realistic suggestions`, () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(60);
    const wrong = LABELLED.map(([text, topic]) => ({ text, topic, got: proposeTopic(text, keywords, DEFAULT_TOPICS) })).filter((r) => r.got !== r.topic);
    const accuracy = (LABELLED.length - wrong.length) / LABELLED.length;
    console.log(`topic proposals: ${LABELLED.length - wrong.length}/${LABELLED.length} right (${(accuracy * 100).toFixed(1)} %)`);
    for (const w of wrong) console.log(`  expected ${w.topic}, got ${w.got}: ${w.text}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.7);
  });

  it('is deterministic, stems Norwegian and English, and falls back to other', () => {
    expect(stem('parkeringen')).toBe(stem('parkering'));
    expect(stem('roads')).toBe('road');
    const text = 'Bedre veier og parkering';
    expect(proposeTopic(text, keywords, DEFAULT_TOPICS)).toBe(proposeTopic(text, keywords, DEFAULT_TOPICS));
    expect(proposeTopic('Hei', keywords, DEFAULT_TOPICS)).toBe('other');
    // A tie goes to the topic listed first.
    expect(proposeTopic('a b', { growth: ['a'], place: ['b'] }, DEFAULT_TOPICS)).toBe('growth');
  });
});
