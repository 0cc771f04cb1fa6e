/** The formats `survey results` writes; apart from the renderer, so the CLI's option list loads nothing else. */
export const RESULT_FORMATS = ['md', 'json', 'csv'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];
