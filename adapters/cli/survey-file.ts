import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { formatPath, parseSurveyDefinition, type SurveyDefinition } from '../../src/surveys/definition.ts';

/**
 * Reads a survey file (YAML, or JSON, which is YAML too) and validates it with the core's schema.
 * Each problem is named by the line of the file it is on and the field's path, so a member can find
 * it: the deepest node the path reaches gives the line (a missing key points at its parent).
 */
export type SurveyFileResult = { ok: true; survey: SurveyDefinition } | { ok: false; errors: string[] };

function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[]): number | null {
  let node: unknown = doc.contents;
  let found: Node | null = (doc.contents as Node | null) ?? null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      node = pair.value ?? pair.key;
      found = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      found = node as Node;
    } else break;
  }
  const start = found?.range?.[0];
  return start === undefined ? null : counter.linePos(start).line;
}

export function readSurveyFile(path: string): SurveyFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return { ok: false, errors: doc.errors.map((e) => `${path}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]}`) };
  }
  const parsed = parseSurveyDefinition(doc.toJS());
  if (parsed.ok) return parsed;
  return {
    ok: false,
    errors: parsed.issues.map((i) => {
      const line = lineOf(doc, counter, i.path);
      return `${path}${line ? `:${line}` : ''}: ${formatPath(i.path)}: ${i.message}`;
    }),
  };
}
