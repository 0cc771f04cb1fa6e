import { adaptiveCard, type AdaptiveCard, type Element } from './elements.ts';

/**
 * Teams refuses an activity over about 28 KB, card included. A card is kept to this many bytes of
 * JSON (its actions' data counted in), which leaves room for the activity around it (about 1 KB)
 * and the difference between UTF-8 here and what the connector counts. A real week's summary, its
 * polls broken down by area included, is about 25 KB (the fixture-week test checks the whole
 * activity stays under 28 KB).
 */
export const CARD_BUDGET_BYTES = 26_000;

/** A run of elements under one heading; when it spills onto the next card, that card opens with `continued`. */
export interface Section {
  heading: Element[];
  continued?: Element[];
  /** Each item stays whole on one card (a suggestion with its button, a poll with its bars). */
  items: Element[];
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Lays sections out on as few cards as fit the budget, never dropping or cutting an element: an
 * item that does not fit moves to the next card. When there is more than one card, each starts with
 * `partHeader(n, total)` so the reader knows there is more. An item bigger than a whole card (which
 * our length limits rule out) still goes out, alone, rather than be lost.
 */
export function packCards(sections: Section[], partHeader: (n: number, total: number) => Element, budget = CARD_BUDGET_BYTES): AdaptiveCard[] {
  // What every card costs besides its elements: the envelope, and the part header at its widest.
  const reserve = bytes(adaptiveCard([partHeader(999, 999)])) + 1;
  const pages: Element[][] = [];
  let current: Element[] = [];
  let size = reserve;
  // Each element costs its JSON and the comma before the next.
  const cost = (elements: Element[]) => elements.reduce((sum, e) => sum + bytes(e) + 1, 0);
  const add = (elements: Element[]) => {
    current.push(...elements);
    size += cost(elements);
  };

  for (const section of sections) {
    const units = section.items.length ? section.items.map((item) => [item]) : [[]];
    units.forEach((unit, i) => {
      const lead = i === 0 ? section.heading : [];
      if (current.length && size + cost([...lead, ...unit]) > budget) {
        pages.push(current);
        current = [];
        size = reserve;
        add(i === 0 ? section.heading : (section.continued ?? section.heading));
      } else {
        add(lead);
      }
      add(unit);
    });
  }
  if (current.length) pages.push(current);
  if (pages.length <= 1) return pages.map((body) => adaptiveCard(body));
  return pages.map((body, i) => adaptiveCard([partHeader(i + 1, pages.length), ...body]));
}
