import { isReadProcedure } from '../src';

// Moved from the old denylist guard's tests: the read-procedure allowlist outlives it.
describe('isReadProcedure (an allowlist)', () => {
  it.each([
    ['pagerank.get', true],
    ['PAGERANK.GET', true],
    ['schema.node_type_properties', true],
    ['mg.procedures', true],
    ['nodes.relationships_exist', true],
    ['create.node', false],
    ['pagerank_online.set', false],
    ['mg.load', false],
    ['periodic.iterate', false],
    ['anything.else', false],
  ])('%s → %s', (name, reads) => {
    expect(isReadProcedure(name)).toBe(reads);
  });
});
