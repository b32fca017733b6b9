import neo4j from 'neo4j-driver';

import { cypherResult } from '../testing/results';
import { createIndexStatement, indexRows, missingIndexes, RECOMMENDED_INDEXES } from './indexAdvisor';

const keys = ['index type', 'label', 'property', 'count'];

describe('index advisor', () => {
  it('recommends exactly the ops manual indexes', () => {
    expect(RECOMMENDED_INDEXES.map(createIndexStatement)).toEqual([
      'CREATE INDEX ON :Element(id);',
      'CREATE INDEX ON :Element(level_id);',
      'CREATE INDEX ON :Element(inspection_lot_id);',
      'CREATE INDEX ON :InspectionLot(status);',
    ]);
  });

  it('reads SHOW INDEX INFO with list properties (Memgraph ≥ 3.2) and string properties (before)', () => {
    const rows = indexRows(
      cypherResult(keys, [
        ['label+property', 'Element', ['id'], neo4j.int(10)],
        ['label+property', 'Element', 'level_id', neo4j.int(10)],
        ['label', 'InspectionLot', null, neo4j.int(3)],
        ['label+property', 'Element', ['inspection_lot_id', 'id'], neo4j.int(10)],
        ['label+property (DESC)', 'InspectionLot', ['status'], neo4j.int(3)],
      ])
    );
    expect(missingIndexes(rows)).toEqual([{ label: 'Element', property: 'inspection_lot_id' }]);
  });

  it('lists all four when there are no indexes', () => {
    expect(missingIndexes(indexRows(cypherResult(keys, [])))).toHaveLength(4);
  });
});
