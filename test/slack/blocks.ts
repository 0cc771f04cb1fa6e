import fc from 'fast-check';
import { expect } from 'vitest';

/** Every mrkdwn and plain_text object in a block tree, with the kind of block it sits in. */
export function texts(node: unknown, parent = ''): { type: string; text: string; parent: string }[] {
  if (Array.isArray(node)) return node.flatMap((n) => texts(n, parent));
  if (typeof node !== 'object' || node === null) return [];
  const o = node as Record<string, unknown>;
  const here = (o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string' ? [{ type: o.type as string, text: o.text as string, parent }] : [];
  const kind = typeof o.type === 'string' && o.type !== 'mrkdwn' && o.type !== 'plain_text' ? o.type : parent;
  return [...here, ...Object.values(o).flatMap((v) => texts(v, kind))];
}

/** Text with what an attacker would try: mentions, links, entities, emoji, newlines. */
export const hostile = (max: number) =>
  fc.array(fc.oneof(fc.constantFrom('<!channel>', '<@U123>', '<https://evil.example|bank>', '&amp;', '&', '<', '>', '😀', '\n', '*', ' '), fc.string({ maxLength: 8 })), { maxLength: max })
    .map((parts) => parts.join(''));

/** No mention or link can go live, and every text is within its element's limit. */
export const noLiveMarkup = (blocks: unknown) => {
  for (const t of texts(blocks)) {
    if (t.type === 'mrkdwn') expect(t.text).not.toMatch(/<|>/);
    expect([...t.text].length).toBeLessThanOrEqual(t.parent === 'header' ? 150 : t.parent === 'button' ? 75 : 3000);
  }
};
