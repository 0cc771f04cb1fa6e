/**
 * Adaptive Card building blocks. Teams renders schema 1.5 at most. User text only ever goes into
 * TextRuns, input values and button or choice titles, which Adaptive Cards never read as Markdown, so
 * no one can forge a link or a mention through the bot; TextBlocks (Markdown) carry only our own texts.
 */
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_VERSION = '1.5';

export type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: typeof CARD_VERSION;
  body: Element[];
  actions?: Element[];
  refresh?: Element;
}

export function adaptiveCard(body: Element[], actions: Element[] = [], refresh?: Element): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
  };
}

/** One of our own catalogue texts (never user text: TextBlock reads Markdown). */
export function label(text: string, style: { heading?: boolean; subtle?: boolean } = {}): Element {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(style.heading ? { weight: 'Bolder', size: 'Medium' } : {}),
    ...(style.subtle ? { isSubtle: true, size: 'Small' } : {}),
  };
}

export interface RunStyle {
  weight?: 'Bolder';
  color?: 'Attention' | 'Good' | 'Accent';
  size?: 'Small' | 'Medium' | 'Large';
  subtle?: boolean;
  monospace?: boolean;
}

/** A run of plain text: shown exactly as written, whatever Markdown or `<at>` it contains. */
export function run(text: string, style: RunStyle = {}): Element {
  return {
    type: 'TextRun',
    text,
    ...(style.weight ? { weight: style.weight } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.size ? { size: style.size } : {}),
    ...(style.subtle ? { isSubtle: true } : {}),
    ...(style.monospace ? { fontType: 'Monospace' } : {}),
  };
}

export function plain(inlines: Element[], extra: Element = {}): Element {
  return { type: 'RichTextBlock', inlines, ...extra };
}

/** A refusal or validation message on the card, in the user's language; it may quote their input. */
export function problem(text: string): Element {
  return plain([run(text, { color: 'Attention', weight: 'Bolder' })]);
}

/**
 * A Universal Action. The verb also travels in `data`, so the Action.Submit fallback that older clients
 * use arrives as a message whose value names the same verb.
 */
export function execute(title: string, verb: string, data: Record<string, unknown> = {}, style?: 'positive' | 'destructive'): Element {
  const payload = { ...data, verb };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: payload,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: payload, ...(style ? { style } : {}) },
  };
}

export function choiceSet(id: string, title: string, choices: { title: string; value: string }[], value?: string, placeholder?: string): Element {
  return {
    type: 'Input.ChoiceSet',
    id,
    label: title,
    style: 'compact',
    choices,
    ...(value ? { value } : {}),
    ...(placeholder ? { placeholder } : {}),
  };
}

export function toggle(id: string, title: string, value: boolean): Element {
  return { type: 'Input.Toggle', id, title, value: String(value), valueOn: 'true', valueOff: 'false', wrap: true };
}
