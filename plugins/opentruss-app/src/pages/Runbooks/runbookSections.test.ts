import { RUNBOOKS } from '@opentruss/alerts';
import { viewerLanguageFirst } from './runbookSections';

const sample = '# Name\n\n## 中文\n\n### 含义\n\n中文内容\n\n## English\n\n### Meaning\n\nEnglish text\n';

describe('runbook sections in the viewer’s language first', () => {
  it('keeps the file’s order (Chinese first) for a Chinese reader', () => {
    expect(viewerLanguageFirst(sample, true)).toBe(sample);
  });

  it('puts the English section first for everyone else, losing nothing', () => {
    const english = viewerLanguageFirst(sample, false);
    expect(english).toBe('# Name\n\n## English\n\n### Meaning\n\nEnglish text\n\n## 中文\n\n### 含义\n\n中文内容\n');
  });

  it.each(RUNBOOKS.map((r) => [r.name, r.markdown] as const))('%s: both sections kept, English first', (_n, md) => {
    const english = viewerLanguageFirst(md, false);
    expect(english.indexOf('\n## English')).toBeLessThan(english.indexOf('\n## 中文'));
    expect(english.replace(/\s+/g, '')).toHaveLength(md.replace(/\s+/g, '').length);
  });
});
