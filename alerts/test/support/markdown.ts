// Headings of a Markdown document and the text under each, ignoring `#` lines inside fenced code blocks
// (shell comments in the runbooks' command blocks are not headings).
export interface Section {
  level: number;
  title: string;
  body: string;
}

export function sections(markdown: string): Section[] {
  const result: Section[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const fenceMatch = /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) {
      fence = fence === null ? fenceMatch[1] : fence === fenceMatch[1] ? null : fence;
    }
    const heading = fence === null && !fenceMatch ? /^(#{1,6})\s+(.*?)\s*$/.exec(line) : null;
    if (heading) {
      result.push({ level: heading[1].length, title: heading[2], body: '' });
    } else if (result.length > 0) {
      result[result.length - 1].body += `${line}\n`;
    }
  }
  return result;
}
