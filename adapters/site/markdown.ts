import MarkdownIt from 'markdown-it';

/**
 * Markdown from the operator (the page's introduction) and members (minutes), rendered safely: raw
 * HTML is escaped, links go only to web pages, mail or anchors, and images are off, since the
 * public page loads nothing from outside.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable('image');
md.validateLink = (url) => /^(https?:|mailto:|#)/i.test(url.trim());

const renderToken = md.renderer.renderToken.bind(md.renderer);
md.renderer.rules.link_open = (tokens, i, options) => {
  tokens[i]!.attrSet('rel', 'noopener noreferrer nofollow');
  return renderToken(tokens, i, options);
};

/** Renders Markdown to HTML; `headingBelow` shifts its headings so they nest under the page's own. */
export function renderMarkdown(text: string, headingBelow = 0): string {
  if (headingBelow === 0) return md.render(text);
  const tokens = md.parse(text, {});
  for (const t of tokens) {
    if (t.type === 'heading_open' || t.type === 'heading_close') t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + headingBelow)}`;
  }
  return md.renderer.render(tokens, md.options, {});
}
