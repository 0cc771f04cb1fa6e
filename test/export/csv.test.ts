import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/export/render.ts';
import type { ExportData } from '../../src/export/model.ts';

const data: ExportData = {
  generatedAt: new Date('2026-11-23T09:00:00Z'),
  suggestions: [{ ref: '#1', date: '2026-11-20', topic: 'framework', text: 'Bedre veier i Trøgstad', area: 'askim', industry: null, sizeBand: null }],
  polls: [{ id: 3, question: 'Hvilken dag?', closed: true, voters: 7, options: [{ label: 'Mandag', votes: 4 }, { label: 'Fredag', votes: 3 }] }],
};

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark, so Excel reads æøå', () => {
    const csv = exportCsv(data, 'nb');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('uses labels in the chosen language, and gives each poll its voters and state', () => {
    const nb = exportCsv(data, 'nb').slice(1).split('\r\n');
    expect(nb[0]).toBe('kind,id,date,topic,text,area,industry,size_band,option,votes,voters,state,status,note');
    expect(nb[1]).toMatch(/^suggestion,#1,2026-11-20,Rammebetingelser,Bedre veier i Trøgstad,Askim,/);
    expect(nb[2]).toBe('poll,3,,,Hvilken dag?,,,,Mandag,4,7,Stengt,,');
    const en = exportCsv(data, 'en').slice(1).split('\r\n');
    expect(en[1]).toMatch(/^suggestion,#1,2026-11-20,Framework conditions,/);
    expect(en[2]).toBe('poll,3,,,Hvilken dag?,,,,Mandag,4,7,Closed,,');
  });
});
