import { escapeHtml, htmlStart } from '../export/render.ts';
import type { Locale } from '../i18n/locale.ts';

/** What a published Markdown document may do in a browser: show text and its own inline style, nothing else. */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A Markdown document (minutes, notes) as a page of its own; `bodyHtml` is already rendered from safe Markdown. */
export function renderDocumentPage(title: string, bodyHtml: string, locale: Locale): string {
  return `${htmlStart(locale, title)}
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#1b1b1b;overflow-wrap:anywhere}a{color:#154a6e}table{border-collapse:collapse}td,th{border:1px solid #c8c8c8;padding:.2rem .5rem}pre{overflow-x:auto}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
</body>
</html>
`;
}
