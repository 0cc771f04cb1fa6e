export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps what a platform reports (Slack `nb-NO`, Teams `nb-no`, `nn-NO`, `no`, `en-GB`…) to a locale
 * Innspill speaks. Nynorsk readers get Bokmål, which they read daily, rather than English.
 */
export function resolveLocale(reported: string | null | undefined, fallback: Locale): Locale {
  if (!reported) return fallback;
  const language = reported.trim().toLowerCase().replace('_', '-').split('-')[0];
  if (language === 'nb' || language === 'nn' || language === 'no') return 'nb';
  if (language === 'en') return 'en';
  return fallback;
}
