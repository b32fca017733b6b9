import { ELEMENT_STATUSES } from '../vocabulary';
import { countsPerCategory, countsPerCategoryCypher } from './categories';
import { ELEMENT_SCOPE, prop, scopedElements } from './scope';
import { catalogueEntry } from './types';

export const elementsByStatus = catalogueEntry({
  id: 'elements-by-status',
  title: { en: 'Elements by status', zh: '构件数量（按状态）' },
  description:
    'Elements (构件) of the chosen projects and buildings, found through their level (so elements not yet in ' +
    'any lot count too), per status: Draft or Verified.',
  cypher: [
    ELEMENT_SCOPE,
    'WITH e.status AS status, count(e) AS n',
    countsPerCategoryCypher('status', ELEMENT_STATUSES, 'elements'),
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'status', type: 'string' },
    { name: 'elements', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['example', 'business', 'wall'],
  evaluate: (graph, context) =>
    countsPerCategory(
      ELEMENT_STATUSES,
      [...scopedElements(graph, context)].map(({ element }) => prop(element, 'status'))
    ),
});

/** AI recognition confidence bands; labels sort in this order, `unknown` (no confidence) last. */
export const CONFIDENCE_BANDS = [
  { label: '0.00-0.50', below: 0.5 },
  { label: '0.50-0.80', below: 0.8 },
  { label: '0.80-0.95', below: 0.95 },
  { label: '0.95-1.00', below: Infinity },
] as const;

const UNKNOWN_BAND = 'unknown';

function bandOf(confidence: unknown): string {
  if (typeof confidence !== 'number') {
    return UNKNOWN_BAND;
  }
  return CONFIDENCE_BANDS.find((band) => confidence < band.below)!.label;
}

const bandCase = [
  'WITH CASE',
  `       WHEN e.confidence IS NULL THEN '${UNKNOWN_BAND}'`,
  ...CONFIDENCE_BANDS.slice(0, -1).map((band) => `       WHEN e.confidence < ${band.below} THEN '${band.label}'`),
  `       ELSE '${CONFIDENCE_BANDS[CONFIDENCE_BANDS.length - 1].label}' END AS band, count(e) AS n`,
].join('\n');

export const elementsByConfidence = catalogueEntry({
  id: 'elements-by-confidence',
  title: { en: 'Elements by recognition confidence', zh: '构件识别置信度分布' },
  description:
    'Elements per band of AI recognition confidence (0–1); `unknown` counts elements without a confidence ' +
    '(drawn or imported by hand).',
  cypher: [
    ELEMENT_SCOPE,
    bandCase,
    countsPerCategoryCypher('band', [...CONFIDENCE_BANDS.map((band) => band.label), UNKNOWN_BAND], 'elements'),
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'band', type: 'string' },
    { name: 'elements', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['business'],
  evaluate: (graph, context) =>
    countsPerCategory(
      [...CONFIDENCE_BANDS.map((band) => band.label), UNKNOWN_BAND],
      [...scopedElements(graph, context)].map(({ element }) => bandOf(prop(element, 'confidence')))
    ),
});
