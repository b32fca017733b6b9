// Runbook files hold one section per language (`## 中文` then `## English`, alerts-as-code's RUNBOOK_LANGUAGES):
// Grafana cannot translate them, so the page shows the viewer's language first and keeps the other below it.
import { RUNBOOK_LANGUAGES } from '@opentruss/alerts';

const [CHINESE, ENGLISH] = RUNBOOK_LANGUAGES.map((language) => language.heading);

function headingAt(markdown: string, heading: string): number {
  const match = new RegExp(`^## ${heading}\\s*$`, 'm').exec(markdown);
  return match ? match.index : -1;
}

/** The Markdown with the section in the viewer's language moved first (after the `# Name` title). */
export function viewerLanguageFirst(markdown: string, readsChinese: boolean): string {
  const chinese = headingAt(markdown, CHINESE);
  const english = headingAt(markdown, ENGLISH);
  if (chinese < 0 || english < 0) {
    return markdown;
  }
  const [first, second] = chinese < english ? [chinese, english] : [english, chinese];
  const preamble = markdown.slice(0, first);
  const sections = [markdown.slice(first, second).trimEnd(), markdown.slice(second).trimEnd()];
  const wantedFirst = readsChinese ? chinese : english;
  const ordered = wantedFirst === first ? sections : [sections[1], sections[0]];
  return `${preamble}${ordered.join('\n\n')}\n`;
}
