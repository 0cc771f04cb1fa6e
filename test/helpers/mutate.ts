import fc from 'fast-check';

/** Property-test helpers: take a correct payload and break it field by field. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value (object keys and array indexes), the root excluded. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...paths((value as Record<string, Json>)[k as string]!, [...prefix, k])]);
}

const REMOVE = Symbol('remove');

/** What a field may become: gone, null, or a value of any other type. */
export const wrongValue = fc.oneof(
  fc.constantFrom<Json | typeof REMOVE>(REMOVE, null, 0, -1, 1e308, true, '', 'x', [], {}, [null], { id: null }, { a: { b: [] } }),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

/** Up to three changes, each at a path picked by number. */
export const changes = fc.array(fc.tuple(fc.nat(), wrongValue), { minLength: 1, maxLength: 3 });

export function mutate(body: Json, edits: [number, Json | typeof REMOVE][]): Json {
  const copy = structuredClone(body);
  for (const [pick, value] of edits) {
    const all = paths(copy);
    if (all.length === 0) break;
    const path = all[pick % all.length]!;
    let parent = copy as Record<string | number, Json>;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (value === REMOVE) {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else parent[last] = structuredClone(value);
  }
  return copy;
}
