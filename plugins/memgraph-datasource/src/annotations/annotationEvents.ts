import type { AnnotationEvent, DataFrame, Field } from '@grafana/data';
import { t } from '@grafana/i18n';

import { PLAIN_TEXT } from '@opentruss/contract';

/** The refId of an annotation's query (the support object and the editor both give it to a new query). */
export const ANNOTATION_REF_ID = 'Anno';

/** The columns an annotation query returns (`time` required; names as in Grafana's SQL datasources). */
export const ANNOTATION_COLUMNS = {
  time: 'time',
  timeEnd: 'timeEnd',
  title: 'title',
  text: 'text',
  tags: 'tags',
} as const;

class AnnotationShapeError extends Error {
  constructor(columns: string[]) {
    super(
      columns.length
        ? t(
            'annotations.shape',
            'An annotation query must return a column named "time" (epoch ms, a date-time or an ISO string); ' +
              'optional: timeEnd, title, text, tags. It returned: {{columns}}.',
            { columns: columns.join(', '), ...PLAIN_TEXT }
          )
        : t(
            'annotations.shape-no-columns',
            'An annotation query must return a column named "time" (epoch ms, a date-time or an ISO string); ' +
              'optional: timeEnd, title, text, tags. It returned no columns.'
          )
    );
    this.name = 'AnnotationShapeError';
  }
}

function tagsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.flatMap((item) =>
    typeof item === 'string' && item.trim() !== '' ? [item.trim()] : typeof item === 'number' ? [String(item)] : []
  );
}

/** `title` / `text` of a row, left out of the event when null (Grafana shows a missing text as nothing). */
function textEntry(key: 'title' | 'text', value: unknown): Partial<Pick<AnnotationEvent, 'title' | 'text'>> {
  return value === null || value === undefined ? {} : { [key]: String(value) };
}

/**
 * Table frames of an annotation query → Grafana annotation events: `time` (and `timeEnd` for a region, when it is
 * after `time`), `title` and `text` (left out when null) and `tags` (a list, or a comma-separated string). Rows without a time are skipped.
 * Throws AnnotationShapeError when there is no `time` column, so the dashboard shows what to fix.
 */
export function annotationEvents(frames: DataFrame[]): AnnotationEvent[] {
  const events: AnnotationEvent[] = [];
  for (const frame of frames) {
    const named = (name: string): Field | undefined => frame.fields.find((field) => field.name === name);
    const time = named(ANNOTATION_COLUMNS.time);
    if (!time) {
      throw new AnnotationShapeError(frame.fields.map((field) => field.name));
    }
    const [timeEnd, title, text, tags] = [
      named(ANNOTATION_COLUMNS.timeEnd),
      named(ANNOTATION_COLUMNS.title),
      named(ANNOTATION_COLUMNS.text),
      named(ANNOTATION_COLUMNS.tags),
    ];
    for (let row = 0; row < time.values.length; row++) {
      const start = time.values[row];
      if (typeof start !== 'number' || !Number.isFinite(start)) {
        continue;
      }
      const end = timeEnd?.values[row];
      const isRegion = typeof end === 'number' && end > start;
      events.push({
        time: start,
        ...(isRegion ? { timeEnd: end, isRegion } : {}),
        ...textEntry('title', title?.values[row]),
        ...textEntry('text', text?.values[row]),
        tags: tagsOf(tags?.values[row]),
      });
    }
  }
  return events;
}
