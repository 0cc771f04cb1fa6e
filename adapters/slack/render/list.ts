import { catalog, formatNumber, type Locale } from '../../../src/i18n/index.ts';
import { LIMITS, section, truncate } from './text.ts';

/**
 * Packs escaped lines into as few sections as fit Block Kit (3000 characters each, at most
 * `maxBlocks` blocks), and says how many did not fit rather than dropping them silently. `total`
 * counts items the caller left out before rendering (a list shown only in part).
 */
export function listBlocks(lines: string[], maxBlocks: number, locale: Locale, total = lines.length): unknown[] {
  const blocks: unknown[] = [];
  let current = '';
  let shown = 0;
  for (const raw of lines) {
    const line = truncate(raw, 600);
    const next = current ? `${current}\n${line}` : line;
    if ([...next].length <= LIMITS.text) {
      current = next;
      shown += 1;
      continue;
    }
    // Keep one block for the "and N more" note.
    if (blocks.length + 2 >= maxBlocks) break;
    blocks.push(section(current));
    current = line;
    shown += 1;
  }
  if (current) blocks.push(section(current));
  const rest = total - shown;
  if (rest > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: catalog(locale).slack.andMore({ count: formatNumber(locale, rest) }) }] });
  }
  return blocks;
}
