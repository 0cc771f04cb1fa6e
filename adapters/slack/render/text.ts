/** Block Kit's limits, from @slack/types and docs.slack.dev/reference/block-kit. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  header: 150,
  buttonText: 75,
  optionText: 75,
  modalTitle: 24,
  contextElements: 10,
  actionsElements: 25,
  privateMetadata: 3000,
} as const;

/**
 * Makes user text inert in mrkdwn: `<` and `>` are how Slack writes mentions (`<!channel>`,
 * `<@U1>`) and links (`<https://x|label>`), `&` starts the entities that spell them. Slack asks for
 * these three and no others to be encoded.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts to `max` characters (code points, so an emoji is never split), ending with "…" if cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export const plain = (text: string, max: number = LIMITS.text) => ({ type: 'plain_text' as const, text: truncate(text || ' ', max), emoji: true });

/** Text already made of escaped pieces, cut to fit a section. Cutting never splits an entity (`&amp;`). */
export function section(text: string) {
  let body = truncate(text, LIMITS.text);
  const broken = /&[a-z]{0,3}…$/.exec(body);
  if (broken) body = `${body.slice(0, broken.index)}…`;
  return { type: 'section' as const, text: { type: 'mrkdwn' as const, text: body } };
}

/**
 * Escapes user text and cuts it to `max` characters of the escaped result, ending with "…" if cut;
 * never inside an entity. Escaping can grow text fivefold (`&` → `&amp;`), so cutting first is not enough.
 */
export function escapedWithin(text: string, max: number): string {
  const whole = escapeMrkdwn(text);
  if ([...whole].length <= max) return whole;
  let out = '';
  let length = 0;
  for (const ch of text) {
    const piece = escapeMrkdwn(ch);
    const size = piece === ch ? 1 : piece.length;
    if (length + size > max - 1) break;
    out += piece;
    length += size;
  }
  return `${out}…`;
}
