import { defineSection } from '../define.ts';

/** Names of topics, areas, industries and size bands, keyed as the domain stores them. */
export const labels = defineSection(
  {
    topics: {
      framework: 'Rammebetingelser',
      growth: 'Vekst, innovasjon og gründerskap',
      attraction: 'Tiltrekke nye virksomheter',
      place: 'Stedsutvikling',
      organisation: 'Organisering av felles røst',
      financing: 'Finansiering',
      other: 'Annet',
    } as Record<string, string>,
    areas: { askim: 'Askim', eidsberg: 'Eidsberg', hobol: 'Hobøl', spydeberg: 'Spydeberg', trogstad: 'Trøgstad', other: 'Annet sted' } as Record<string, string>,
    industries: {
      retail: 'Handel',
      manufacturing: 'Industri',
      construction: 'Bygg og anlegg',
      hospitality: 'Reiseliv, overnatting og servering',
      agriculture: 'Landbruk',
      services: 'Tjenesteyting',
      health: 'Helse og omsorg',
      ict: 'IKT',
      transport: 'Transport',
      culture: 'Kultur og opplevelser',
      other: 'Annet',
    } as Record<string, string>,
    sizes: { solo: 'Enkeltperson', '2-9': '2–9 ansatte', '10-49': '10–49 ansatte', '50-249': '50–249 ansatte', '250+': '250+ ansatte' } as Record<string, string>,
    unknownSegment: 'ikke oppgitt',
  },
  {
    topics: {
      framework: 'Framework conditions',
      growth: 'Growth, innovation and entrepreneurship',
      attraction: 'Attracting new businesses',
      place: 'Place development',
      organisation: 'Organisation of the common voice',
      financing: 'Financing',
      other: 'Other',
    },
    areas: { askim: 'Askim', eidsberg: 'Eidsberg', hobol: 'Hobøl', spydeberg: 'Spydeberg', trogstad: 'Trøgstad', other: 'Elsewhere' },
    industries: {
      retail: 'Retail',
      manufacturing: 'Manufacturing',
      construction: 'Construction',
      hospitality: 'Tourism, lodging and food',
      agriculture: 'Agriculture',
      services: 'Services',
      health: 'Health and care',
      ict: 'ICT',
      transport: 'Transport',
      culture: 'Culture and leisure',
      other: 'Other',
    },
    sizes: { solo: 'Sole trader', '2-9': '2–9 employees', '10-49': '10–49 employees', '50-249': '50–249 employees', '250+': '250+ employees' },
    unknownSegment: 'not given',
  },
);
