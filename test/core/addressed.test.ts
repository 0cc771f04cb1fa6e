import { describe, expect, it } from 'vitest';
import { addressReasons } from '../../src/digest/addressed.ts';

/**
 * Realistic messages, labelled by hand: is this written to the project group, asking for an answer
 * or a call (true), or is it a suggestion for the record (false)? The rules are not perfect; this
 * set measures how often they are right, and the number is printed so a change that lowers it shows.
 */
const EXAMPLES: [text: string, anonymous: boolean, addressed: boolean][] = [
  ['Ring meg gjerne på 912 34 567, så forklarer jeg forslaget.', false, true],
  ['Kan dere si noe om hvordan kontingenten skal fordeles?', false, true],
  ['Når kommer dere med en anbefaling om organiseringen?', false, true],
  ['Ta kontakt med meg hvis dere vil høre mer om dette.', false, true],
  ['Vi vil gjerne bidra – send oss en e-post på post@glommabygg.no.', false, true],
  ['Kontakt meg på ola@bakeriet.no for en prat.', false, true],
  ['Hva mener dere om å slå sammen næringsforeningene?', true, true],
  ['Har dere snakket med sparebankstiftelsene om finansiering?', true, true],
  ['Kunne prosjektgruppen komme på besøk til oss i Trøgstad?', false, true],
  ['Vil dere ha med landbruket i arbeidet?', true, true],
  ['Jeg vil gjerne snakke med noen i prosjektgruppen om dette. Mobil 48 12 34 56.', false, true],
  ['Hvem i prosjektgruppen kan jeg snakke med om finansieringen? Tlf 69 88 12 34', false, true],
  ['Gi meg en tilbakemelding når dere har bestemt dere.', false, true],
  ['Har du tid til et møte neste uke?', false, true],
  ['Hvordan tenker dere å involvere de minste bedriftene?', true, true],
  ['Bør vi ikke ha et felles styre? Hva tenker dere?', true, true],
  ['Could you explain how the membership fee will be set?', false, true],
  ['Please call me on +47 900 11 222 about the venue.', false, true],
  ['When will you publish the recommendation?', true, true],
  ['Do you plan to include agriculture in the common voice?', true, true],
  ['Get in touch at kari@example.no if you need a volunteer.', false, true],
  ['I would like to speak with someone in the project group about funding.', false, true],
  // Suggestions for the record, not asking the group for anything.
  ['Parkeringen i Askim sentrum er for dyr, kundene drar til kjøpesenteret.', false, false],
  ['Gratis parkering de første to timene ville hjulpet butikkene.', true, false],
  ['Saksbehandlingstiden for byggesøknader er for lang.', false, false],
  ['Kommunale innkjøp bør deles opp i mindre kontrakter.', false, false],
  ['Hvorfor er det så dyrt å leie lokaler i Mysen?', false, false],
  ['Et felles gründerhus i Askim med kontorplasser og veiledning.', true, false],
  ['Felles røst bør ha et lite sekretariat, ikke bare frivillige styrer.', false, false],
  ['Takk for at dere spør oss!', false, false],
  ['Næringsfrokosten i Trøgstad var veldig bra, mer av det.', true, false],
  ['Eiendomsskatten for næringsbygg bør ses på igjen før budsjettet for 2028.', false, false],
  ['Bredbånd på bygda er fortsatt for dårlig – flere gårdsbruk har ikke fiber!', false, false],
  ['Ring meg på 912 34 567.', true, true],
  ['Kortere gratis parkering i sentrum? Nei, lengre!', false, false],
  ['Vi har 12 ansatte og omsetter for 8 millioner i året.', false, false],
  ['Hvem skal betale for dette til slutt?', true, false],
  ['Anonymt: telefonen min er 98 76 54 32 men jeg vil ikke bli kontaktet.', true, false],
  ['Bedrifter bør ta kontakt med kommunen tidlig i byggesaker.', false, false],
  ['The parking fees in the town centre drive customers away.', false, false],
  ['A shared website listing vacant premises would help.', true, false],
  ['Why is broadband still so poor in rural areas?', false, false],
  ['More benches and flowers in the pedestrian street in Mysen.', false, false],
  ['Kan kommunen gjøre noe med skiltreglene?', false, false],
];

describe('messages addressed to the project group', () => {
  it(`are found in at least 85 % of ${EXAMPLES.length} realistic examples`, () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(40);
    const wrong = EXAMPLES.filter(([text, anonymous, expected]) => addressReasons(text, anonymous).length > 0 !== expected);
    const accuracy = (EXAMPLES.length - wrong.length) / EXAMPLES.length;
    console.log(`addressed-to-the-group rules: ${EXAMPLES.length - wrong.length}/${EXAMPLES.length} right (${(accuracy * 100).toFixed(1)} %)`);
    for (const [text, , expected] of wrong) console.log(`  ${expected ? 'missed' : 'false alarm'}: ${text}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('names the reasons, and ignores contact data in an anonymous message', () => {
    expect(addressReasons('Ring meg på 912 34 567.', false)).toEqual(['contact', 'phone']);
    expect(addressReasons('Ring meg på 912 34 567.', true)).toEqual(['contact']);
    expect(addressReasons('Skriv til post@glommabygg.no', true)).toEqual([]);
    expect(addressReasons('Skriv til post@glommabygg.no', false)).toEqual(['email']);
    expect(addressReasons('Kan dere svare?', false)).toEqual(['question', 'request']);
    expect(addressReasons('Hvorfor er det så dyrt?', false)).toEqual([]);
  });
});
