/**
 * Proposes a topic for a suggestion sent without one, from its words: a deterministic keyword and
 * stem match over Norwegian Bokmål and English. Keywords come from a file the operator edits (see
 * config/topic-keywords.yaml); this module only matches, so the same words always give the same topic.
 *
 * A keyword matches a word with the same stem, a longer word it begins (`park` in `parkering`), or
 * a Norwegian compound it ends (`skatt` in `eiendomsskatten`); a keyword of several words matches
 * that phrase. The topic with most matching keywords wins; a tie goes to the topic listed first.
 */

/** Keywords per topic key, in any case; `*` at the end asks for a prefix match only. */
export type TopicKeywords = Readonly<Record<string, readonly string[]>>;

const SUFFIXES = [
  // Bokmål, longest first: definite and plural forms, and common derivations.
  'ingene', 'ingen', 'heten', 'elsen', 'ene', 'ane', 'ing', 'het', 'ers', 'er', 'en', 'et', 'a', 'e',
  // English.
  'ations', 'ation', 'ments', 'ment', 'ings', 'ies', 'ing', 'ed', 'es', 's', 'ly',
].sort((a, b) => b.length - a.length);

/** A crude stem: the word without one inflectional ending, keeping at least four letters. */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function matchesWord(keyword: string, token: string): boolean {
  if (keyword.endsWith('*')) return token.startsWith(keyword.slice(0, -1));
  const k = stem(keyword);
  if (stem(token) === k) return true;
  if (k.length >= 4 && token.startsWith(k)) return true;
  // Norwegian writes compounds as one word: the keyword as the compound's last part.
  return k.length >= 5 && token.length > k.length + 2 && (token.endsWith(k) || stem(token).endsWith(k));
}

function matches(keyword: string, tokens: readonly string[]): boolean {
  const parts = words(keyword.endsWith('*') ? keyword.slice(0, -1) : keyword);
  if (parts.length === 0) return false;
  if (parts.length === 1) return tokens.some((t) => matchesWord(keyword.endsWith('*') ? `${parts[0]}*` : parts[0]!, t));
  // A phrase: its words in order, each matching by stem.
  return tokens.some((_, i) => parts.every((p, j) => tokens[i + j] !== undefined && matchesWord(p, tokens[i + j]!)));
}

/** The best topic for the text among `topics` (in their order), or `fallback` if no keyword matches. */
export function proposeTopic(text: string, keywords: TopicKeywords, topics: readonly string[], fallback = 'other'): string {
  const tokens = words(text);
  let best = fallback;
  let bestScore = 0;
  for (const topic of topics) {
    const score = (keywords[topic] ?? []).filter((k) => matches(k, tokens)).length;
    if (score > bestScore) {
      best = topic;
      bestScore = score;
    }
  }
  return best;
}
