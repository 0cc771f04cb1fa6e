/**
 * Which suggestions of a week say much the same thing. Deterministic and cheap: each text becomes a
 * set of stems (the first letters of its longer words, minus common words), and two texts are alike
 * when they share enough of them. Crude, but it finds "parkering i sentrum" said eight ways, and a
 * member can see why two were grouped.
 */
const STOP = new Set(
  'alle andre annet bare hele felles røst bedrift bedrifter kommunen blir både denne deres dette disse eller etter fordi fått gjøre godt hadde have ikke ingen inn kommer kunne meget mellom mener mange mere mest mine noen noe nytt også over samme selv siden skal skulle slik som store svært til under uten veldig ville være vært with that this from have been they their there would could should about more most very into than what when which will your just also some only other such'.split(' '),
);
const STEM_LENGTH = 5;
const MIN_WORD = 4;

export function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (word.length < MIN_WORD || STOP.has(word)) continue;
    out.add(word.slice(0, STEM_LENGTH));
  }
  return out;
}

/** Alike: at least two stems in common, and a fifth of the two texts' stems together. */
export function alike(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared += 1;
  const union = a.size + b.size - shared;
  return shared >= 2 && shared / union >= 1 / 5;
}

/** A stem in more than this share of the week's texts says nothing about which are alike. */
const COMMON_SHARE = 0.15;

/** For each id, the other ids whose text is alike. */
export function neighbours(items: readonly { id: number; text: string }[]): Map<number, number[]> {
  const all = items.map((i) => ({ id: i.id, stems: stems(i.text) }));
  const frequency = new Map<string, number>();
  for (const { stems: set } of all) for (const s of set) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const limit = Math.max(2, items.length * COMMON_SHARE);
  const sets = all.map(({ id, stems: set }) => ({ id, stems: new Set([...set].filter((s) => frequency.get(s)! <= limit)) }));
  const out = new Map<number, number[]>(items.map((i) => [i.id, []]));
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      if (!alike(sets[i]!.stems, sets[j]!.stems)) continue;
      out.get(sets[i]!.id)!.push(sets[j]!.id);
      out.get(sets[j]!.id)!.push(sets[i]!.id);
    }
  }
  return out;
}

/**
 * Groups of alike suggestions with at least `minOthers` others: the suggestion most alike to the rest
 * leads each group and its neighbours join it; a suggestion belongs to at most one group. Ties go
 * to the lower id, so the same week always gives the same groups.
 */
export function similarGroups(items: readonly { id: number; text: string }[], minOthers: number): { lead: number; others: number[] }[] {
  const near = neighbours(items);
  const taken = new Set<number>();
  const groups: { lead: number; others: number[] }[] = [];
  const order = [...near.keys()].sort((a, b) => near.get(b)!.length - near.get(a)!.length || a - b);
  for (const id of order) {
    if (taken.has(id)) continue;
    const others = near.get(id)!.filter((o) => !taken.has(o));
    if (others.length < minOthers) continue;
    taken.add(id);
    for (const o of others) taken.add(o);
    groups.push({ lead: id, others: others.sort((a, b) => a - b) });
  }
  return groups;
}
