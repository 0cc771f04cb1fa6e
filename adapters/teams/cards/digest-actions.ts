import { suggestionRef } from '../../../src/domain/suggestion.ts';
import type { DigestPeriod, DigestSuggestion } from '../../../src/digest/model.ts';
import { catalog, type Locale } from '../../../src/i18n/index.ts';
import { REPLY_MAX_LENGTH } from '../../../src/usecases/delivery.ts';
import { SEE_ALL_PAGE } from '../../../src/usecases/reports.ts';
import { periodText, suggestionItem, topicName, topicPageData } from './digest.ts';
import { adaptiveCard, execute, label, plain, problem, run, type AdaptiveCard, type Element } from './elements.ts';
import { VERBS } from './forms.ts';
import { packCards } from './pack.ts';

/** The form a member answers a suggestion's sender with. It names the suggestion, never the sender. */
export function replyForm(locale: Locale, suggestionId: number, text?: string, error?: string): AdaptiveCard {
  const t = catalog(locale).teams;
  return adaptiveCard(
    [
      label(t.replyTitle({ ref: suggestionRef(suggestionId) }), { heading: true }),
      ...(error ? [problem(error)] : []),
      label(t.replyHint, { subtle: true }),
      {
        type: 'Input.Text',
        id: 'text',
        label: t.replyLabel,
        isMultiline: true,
        isRequired: true,
        errorMessage: catalog(locale).forms.required,
        maxLength: REPLY_MAX_LENGTH,
        ...(text ? { value: text } : {}),
      },
    ],
    [execute(t.replySend, VERBS.digestReplySend, { suggestionId }, 'positive')],
  );
}

/**
 * One page of a topic's suggestions in a period, each with its reply button, and buttons to the
 * neighbouring pages. A page of long suggestions can outgrow one card; it then takes several.
 */
export function topicPageCards(locale: Locale, timeZone: string, topic: string, period: DigestPeriod, page: number, suggestions: DigestSuggestion[]): AdaptiveCard[] {
  const t = catalog(locale).teams;
  const heading: Element[] = [
    plain([run(t.seeAllTitle({ topic: topicName(locale, topic) }), { weight: 'Bolder', size: 'Medium' })]),
    label(t.seeAllPage({ page: page + 1, ...periodText(locale, period, timeZone) }), { subtle: true }),
  ];
  const items: Element[] = suggestions.length ? suggestions.map((s) => suggestionItem(locale, s)) : [label(t.seeAllNone)];
  const pager = [
    ...(page > 0 ? [execute(t.previousPage, VERBS.digestPage, { ...topicPageData(topic, period, page - 1) })] : []),
    // A full page may have a next one; an empty next page says so.
    ...(suggestions.length >= SEE_ALL_PAGE ? [execute(t.nextPage, VERBS.digestPage, { ...topicPageData(topic, period, page + 1) })] : []),
  ];
  if (pager.length) items.push({ type: 'ActionSet', actions: pager });
  return packCards([{ heading, continued: heading, items }], (n, total) => label(t.digestPart({ n, total }), { subtle: true }));
}
