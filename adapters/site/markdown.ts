import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';

/**
 * Markdown from the operator (the page's introduction) and members (minutes), rendered safely: raw
 * HTML is escaped, links go only to web pages, mail or anchors, and images are off, since the
 * public page loads nothing from outside.
 *
 * The library is loaded on first use: every CLI command passes through the composition root, and
 * only those that render the site need it.
 */
type Markdown = ReturnType<typeof MarkdownIt>;
let md: Markdown | null = null;

function markdown(): Markdown {
  if (md) return md;
  const Markdown = createRequire(import.meta.url)('markdown-it') as typeof MarkdownIt;
  const created = new Markdown({ html: false, linkify: false, typographer: false });
  created.disable('image');
  created.validateLink = (url) => /^(https?:|mailto:|#)/i.test(url.trim());
  const renderToken = created.renderer.renderToken.bind(created.renderer);
  created.renderer.rules.link_open = (tokens, i, options) => {
    tokens[i]!.attrSet('rel', 'noopener noreferrer nofollow');
    return renderToken(tokens, i, options);
  };
  md = created;
  return created;
}

/** Renders Markdown to HTML; `headingBelow` shifts its headings so they nest under the page's own. */
export function renderMarkdown(text: string, headingBelow = 0): string {
  const m = markdown();
  if (headingBelow === 0) return m.render(text);
  const tokens = m.parse(text, {});
  for (const t of tokens) {
    if (t.type === 'heading_open' || t.type === 'heading_close') t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + headingBelow)}`;
  }
  return m.renderer.render(tokens, m.options, {});
}
