import { existsSync, readFileSync } from 'node:fs';
import type { PageSettings } from '../../src/public/page.ts';
import type { Config } from '../cli/config.ts';
import { renderMarkdown } from './markdown.ts';

/** The English introduction beside the configured one: `intro.md` → `intro.en.md`. */
function englishSibling(path: string): string {
  return /\.(md|markdown)$/i.test(path) ? path.replace(/\.(md|markdown)$/i, '.en.$1') : `${path}.en`;
}

/**
 * The page's title, introduction and project group, from the configuration. `PUBLIC_INTRO` is read
 * once at start; a missing file stops the start with a clear message rather than a page without it.
 */
export function pageSettings(config: Pick<Config, 'publicTitle' | 'publicIntro' | 'projectMembersPublic' | 'digestTimeZone'>): PageSettings {
  let introHtml: PageSettings['introHtml'] = { nb: null, en: null };
  if (config.publicIntro) {
    let text: string;
    try {
      text = readFileSync(config.publicIntro, 'utf8');
    } catch (error) {
      throw new Error(`PUBLIC_INTRO: cannot read ${config.publicIntro} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const english = englishSibling(config.publicIntro);
    const nb = renderMarkdown(text, 1);
    introHtml = { nb, en: existsSync(english) ? renderMarkdown(readFileSync(english, 'utf8'), 1) : nb };
  }
  return { title: config.publicTitle, introHtml, members: config.projectMembersPublic, timeZone: config.digestTimeZone };
}
