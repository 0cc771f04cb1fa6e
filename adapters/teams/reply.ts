import { Activity } from '@microsoft/agents-activity';
import { CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/elements.ts';

/**
 * What the bot answers: a chat message, or a card (a form, a poll, a digest part, a confirmation).
 * A poll's card names its poll, so the answer's activity id is kept and later edits reach the card.
 */
export type Reply = { text: string } | { card: AdaptiveCard; pollId?: number };

/**
 * Chat text as Teams should show it. Whatever could make markup of user text quoted in a reply is
 * neutralised: link and emphasis characters are backslash-escaped, `<` `>` `&` become entities (so
 * `<at>` is no mention and no HTML gets through), a heading mark at a line start is escaped. Line
 * breaks become `<br>`, which Teams renders in Markdown messages (a lone newline folds into a space).
 */
export function chatText(text: string): string {
  return text
    .replace(/[\\`*_~[\]|]/g, (ch) => `\\${ch}`)
    .replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'))
    .replace(/^(\s*)#/gm, '$1\\#')
    .replace(/\r?\n/g, '<br>');
}

export function replyActivity(reply: Reply): Activity {
  if ('card' in reply) {
    return Activity.fromObject({ type: 'message', attachments: [{ contentType: CARD_CONTENT_TYPE, content: reply.card }] });
  }
  return Activity.fromObject({ type: 'message', textFormat: 'markdown', text: chatText(reply.text) });
}

/** The body of an `adaptiveCard/action` invoke response: the card that replaces the clicked one, or a message. */
export function invokeBody(reply: Reply): { statusCode: number; type: string; value: unknown } {
  if ('card' in reply) return { statusCode: 200, type: CARD_CONTENT_TYPE, value: reply.card };
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: chatText(reply.text) };
}
