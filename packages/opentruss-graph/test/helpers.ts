import { type DemoGraph, type DemoNode, generateDemoGraph } from '../src';

/** The default small demo graph, generated once per test file. */
let cached: DemoGraph | undefined;
export function smallGraph(): DemoGraph {
  cached ??= generateDemoGraph();
  return cached;
}

/** The single parent of `node` through `type` (throws unless there is exactly one). */
export function parentOf(graph: DemoGraph, node: DemoNode, type: Parameters<DemoGraph['sources']>[1]): DemoNode {
  const parents = graph.sources(node.id, type);
  if (parents.length !== 1) {
    throw new Error(`${node.id} has ${parents.length} ${type} parents`);
  }
  return parents[0];
}

/** Plain JSON of a value, with driver classes made comparable (Integer → number, temporal → ISO text). */
export function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (
        v &&
        typeof v === 'object' &&
        'toNumber' in v &&
        typeof (v as { toNumber: unknown }).toNumber === 'function'
      ) {
        return (v as { toNumber(): number }).toNumber();
      }
      if (v && typeof v === 'object' && 'year' in v && 'nanosecond' in v) {
        return `${v.constructor.name}:${String(v)}`;
      }
      return v;
    })
  );
}
