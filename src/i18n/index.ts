import type { Locale } from './locale.ts';
import { digest } from './sections/digest.ts';
import { errors } from './sections/errors.ts';
import { forms } from './sections/forms.ts';
import { labels } from './sections/labels.ts';
import { messages } from './sections/messages.ts';
import { teams } from './sections/teams.ts';
import { slack } from './sections/slack.ts';
import { privacy } from './sections/privacy.ts';
import { summary } from './sections/summary.ts';
import { surveys } from './sections/surveys.ts';
import { followUp } from './sections/follow-up.ts';
import { publicSite } from './sections/public.ts';
import { pollHelp } from './sections/poll-help.ts';
import { playground } from './sections/playground.ts';
import { surveyResults } from './sections/survey-results.ts';
import { pollPlans } from './sections/poll-plans.ts';
import { isInnspillError } from '../errors.ts';
import type { PollSyntaxError } from '../polls/syntax.ts';

export { LOCALES, resolveLocale, isLocale, type Locale } from './locale.ts';
export { formatNumber } from './define.ts';
export { countOf, pluralForm, type Noun } from './plural.ts';

const sections = { messages, forms, labels, digest, errors, slack, teams, privacy, summary, surveys, publicSite, pollHelp, playground, followUp, surveyResults, pollPlans } as const;

export type Catalog = { [K in keyof typeof sections]: (typeof sections)[K]['nb'] };

const catalogs: Record<Locale, Catalog> = {
  nb: Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.nb])) as Catalog,
  en: Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.en])) as Catalog,
};

export function catalog(locale: Locale): Catalog {
  return catalogs[locale];
}

/** The user's sentence for any refusal; unknown failures get a polite apology, never a stack trace. */
export function describeError(locale: Locale, error: unknown): string {
  const c = catalog(locale);
  if (isInnspillError(error)) return c.errors.codes[error.code](error.params);
  return c.messages.somethingWentWrong;
}

export function describePollSyntaxError(locale: Locale, error: PollSyntaxError): string {
  return catalog(locale).errors.pollSyntax[error.code](error.params);
}

/** A label from one of the lists, or the raw key if an operator configured one without a translation. */
export function label(locale: Locale, list: 'topics' | 'areas' | 'industries' | 'sizes', key: string | null | undefined): string {
  if (!key) return catalog(locale).labels.unknownSegment;
  return catalog(locale).labels[list][key] ?? key;
}
