/** The export's file formats; apart from the renderers so the command line can list them cheaply. */
export const EXPORT_FORMATS = ['csv', 'json', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
