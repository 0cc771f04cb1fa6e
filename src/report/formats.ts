/** The report's file formats; apart from the renderers so the command line can list them cheaply. */
export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
