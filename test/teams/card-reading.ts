import { expect } from 'vitest';

export type Card = Record<string, any>;

/** Every node of a card (fallbacks left out, they repeat their action), depth first. */
export function nodes(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    out.push(n);
    for (const [key, value] of Object.entries(n)) if (key !== 'fallback') walk(value);
  };
  walk(card);
  return out;
}

/** Every TextRun, TextBlock and button title on a card, in order, so assertions read the card as a person would. */
export function texts(card: Card): string[] {
  return nodes(card).flatMap((n) =>
    ((n.type === 'TextRun' || n.type === 'TextBlock') && typeof n.text === 'string') || (n.type === 'Action.Execute' && typeof n.title === 'string')
      ? [String(n.type === 'Action.Execute' ? n.title : n.text)]
      : [],
  );
}

/** The texts Teams reads as Markdown: only TextBlocks. */
export function markdownTexts(card: Card): string[] {
  return nodes(card).flatMap((n) => (n.type === 'TextBlock' && typeof n.text === 'string' ? [n.text] : []));
}

/** The Universal Actions on a card, with their verb and data. */
export function actions(card: Card): { title: string; verb: string; data: Record<string, unknown> }[] {
  return nodes(card).flatMap((n) => (n.type === 'Action.Execute' ? [{ title: String(n.title), verb: String(n.verb), data: n.data as Record<string, unknown> }] : []));
}

/** The card an `adaptiveCard/action` invoke answered with (HTTP 200, statusCode 200, a card). */
export function invokeCard(res: { status: number; body: Record<string, any> | null }): Card {
  expect(res.status).toBe(200);
  expect(res.body!.statusCode).toBe(200);
  expect(res.body!.type).toBe('application/vnd.microsoft.card.adaptive');
  return res.body!.value as Card;
}

/** The message an `adaptiveCard/action` invoke answered with instead of a card. */
export function invokeMessage(res: { status: number; body: Record<string, any> | null }): string {
  expect(res.status).toBe(200);
  expect(res.body!.statusCode).toBe(200);
  expect(res.body!.type).toBe('application/vnd.microsoft.activity.message');
  return res.body!.value as string;
}
