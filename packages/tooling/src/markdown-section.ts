// Generated sections inside hand-written Markdown (the alert table, the benchmark history): only the text between
// `<!-- name:begin -->` and `<!-- name:end -->` is replaced.
export interface Markers {
  begin: string;
  end: string;
}

export function markers(name: string): Markers {
  return { begin: `<!-- ${name}:begin -->`, end: `<!-- ${name}:end -->` };
}

/** `document` with `section` between the markers; throws if they are missing, repeated or out of order. */
export function spliceSection(document: string, { begin, end }: Markers, section: string, fileName: string): string {
  const start = document.indexOf(begin);
  const stop = document.indexOf(end);
  if (start < 0 || stop < start || document.indexOf(begin, start + 1) >= 0) {
    throw new Error(`${fileName} must contain exactly one ${begin} followed by ${end}`);
  }
  return `${document.slice(0, start + begin.length)}\n${section}\n${document.slice(stop)}`;
}
