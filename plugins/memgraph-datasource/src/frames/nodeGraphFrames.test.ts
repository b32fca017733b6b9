import { FieldType } from '@grafana/data';

import { node, path, rel } from '../testing/results';
import { nodeGraphFrames } from './nodeGraphFrames';

const values = (frame: { fields: Array<{ name: string; values: unknown[] }> }, name: string) =>
  frame.fields.find((f) => f.name === name)?.values;

describe('nodeGraphFrames', () => {
  const lot = node(1, ['InspectionLot'], { id: 'L-1', name: '一层钢筋', status: 'SUBMITTED' });
  const e1 = node(2, ['Element'], { id: 'E-1', status: 'Draft' });
  const e2 = node(3, ['Element'], { id: 'E-2' });
  const level = node(4, ['Level'], { id: 'L1' });
  const c1 = rel(10, 1, 2, 'MANAGEMENT_CONTAINS');
  const c2 = rel(11, 1, 3, 'MANAGEMENT_CONTAINS');
  const at = rel(12, 2, 4, 'LOCATED_AT', { since: 'x' });

  it('collects nodes and relationships from columns, paths and lists, merging duplicates', () => {
    const [nodes, edges] = nodeGraphFrames([lot, path([lot, e1, level], [c1, at]), [c2, e2], { lot, more: [e1] }]);
    expect(nodes.name).toBe('nodes');
    expect(edges.name).toBe('edges');
    expect(nodes.meta?.preferredVisualisationType).toBe('nodeGraph');
    expect(edges.meta?.preferredVisualisationType).toBe('nodeGraph');
    expect(values(nodes, 'id')).toEqual(['n1', 'n2', 'n4', 'n3']);
    expect(values(nodes, 'title')).toEqual(['一层钢筋', 'E-1', 'L1', 'E-2']);
    expect(values(nodes, 'subtitle')).toEqual(['InspectionLot', 'Element', 'Level', 'Element']);
    expect(values(nodes, 'mainstat')).toEqual(['SUBMITTED', 'Draft', '', '']);
    expect(values(nodes, 'detail__id')).toEqual(['L-1', 'E-1', 'L1', 'E-2']);
    expect(values(edges, 'id')).toEqual(['r10', 'r12', 'r11']);
    expect(values(edges, 'source')).toEqual(['n1', 'n2', 'n1']);
    expect(values(edges, 'target')).toEqual(['n2', 'n4', 'n3']);
    expect(values(edges, 'mainstat')).toEqual(['MANAGEMENT_CONTAINS', 'LOCATED_AT', 'MANAGEMENT_CONTAINS']);
    expect(values(edges, 'detail__since')).toEqual([null, 'x', null]);
    expect(nodes.fields.every((f) => f.type === FieldType.string)).toBe(true);
  });

  it('keeps relationships whose end nodes were not returned, against nodes marked as such', () => {
    const [nodes, edges] = nodeGraphFrames([c1]);
    expect(values(nodes, 'id')).toEqual(['n1', 'n2']);
    expect(values(nodes, 'subtitle')).toEqual(['(not in the result)', '(not in the result)']);
    expect(values(edges, 'source')).toEqual(['n1']);
  });

  it('explains when there is nothing to draw', () => {
    expect(() => nodeGraphFrames(['a', 1])).toThrow('The node graph format needs nodes, relationships or paths');
  });
});
