import type { AnnotationQuery, AnnotationSupport, QueryEditorProps } from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';
import { defer, of } from 'rxjs';

import { lazyEditor } from '../editors/lazyEditor';
import { ANNOTATION_REF_ID, annotationEvents } from './annotationEvents';

const AnnotationQueryEditor = lazyEditor<AnnotationEditorProps>(() =>
  import('../editors/AnnotationQueryEditor/AnnotationQueryEditor').then((m) => m.AnnotationQueryEditor)
);

type MemgraphAnnotation = AnnotationQuery<MemgraphQuery>;
type AnnotationEditorProps = QueryEditorProps<any, MemgraphQuery>;

/**
 * Annotations through the datasource's `annotations` object (not the deprecated annotationQuery): the target's
 * Cypher runs as a table query with the dashboard's time range and variables as parameters, and each row becomes
 * an event (see annotationEvents).
 */
export const memgraphAnnotations: AnnotationSupport<MemgraphQuery> = {
  /** Older or hand-written dashboards may keep the Cypher in `query` instead of `target.cypher`. */
  prepareAnnotation(json: MemgraphAnnotation & { query?: unknown }): MemgraphAnnotation {
    if (json.target?.cypher !== undefined || typeof json.query !== 'string') {
      return json;
    }
    const { query, ...rest } = json;
    return { ...rest, target: { refId: ANNOTATION_REF_ID, cypher: query } };
  },

  prepareQuery(annotation: MemgraphAnnotation): MemgraphQuery | undefined {
    const target = annotation.target;
    if (!target?.cypher?.trim()) {
      return undefined;
    }
    return { ...target, refId: target.refId || ANNOTATION_REF_ID, format: 'table' };
  },

  processEvents(_annotation, frames) {
    return defer(() => of(annotationEvents(frames)));
  },

  getDefaultQuery: () => ({ cypher: '', format: 'table' }),

  QueryEditor: AnnotationQueryEditor,
};
