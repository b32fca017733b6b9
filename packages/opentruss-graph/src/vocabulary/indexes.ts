import type { Label } from './labels';

export interface LabelPropertyIndex {
  label: Label;
  property: string;
}

/** The indexes the ops manual recommends (§5.1.1). The datasource's index advisor checks for exactly these. */
export const RECOMMENDED_INDEXES: readonly LabelPropertyIndex[] = [
  { label: 'Element', property: 'id' },
  { label: 'Element', property: 'level_id' },
  { label: 'Element', property: 'inspection_lot_id' },
  { label: 'InspectionLot', property: 'status' },
];

/** Memgraph's statement for a label+property index, as the manual writes it: `CREATE INDEX ON :Element(id);`. */
export function createIndexStatement(index: LabelPropertyIndex): string {
  return `CREATE INDEX ON :${index.label}(${index.property});`;
}

export const RECOMMENDED_INDEX_STATEMENTS: readonly string[] = RECOMMENDED_INDEXES.map(createIndexStatement);
