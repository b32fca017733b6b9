/**
 * The read procedures a read-only client may CALL: an allowlist, so a procedure nobody reviewed (a custom query
 * module, a MAGE module added later) is refused until it is added here. Sources: Memgraph's built-in `mg.*`
 * procedures and the MAGE modules (https://memgraph.com/docs/advanced-algorithms/available-algorithms); only
 * procedures that neither write, keep state between calls, run a Cypher string, nor reach files or the network.
 * Online algorithms are listed with their `.get` only (`.set`/`.update`/`.reset` change their state).
 */
const READ_PROCEDURES: ReadonlySet<string> = new Set([
  // introspection
  'mg.procedures',
  'mg.functions',
  'mg.transformations',
  'mg.get_module_files',
  'schema.node_type_properties',
  'schema.rel_type_properties',
  'llm_util.schema',
  // graph structure, paths and neighbourhoods
  'nodes.relationship_types',
  'nodes.relationships_exist',
  'neighbors.at_hop',
  'neighbors.by_hop',
  'path.expand',
  'path.subgraph_nodes',
  'path.subgraph_all',
  'algo.all_simple_paths',
  'algo.astar',
  'algo.cover',
  'bridges.get',
  'cycles.get',
  'biconnected_components.get',
  'weakly_connected_components.get',
  'graph_analyzer.analyze',
  'graph_analyzer.help',
  'distance_calculator.single',
  'distance_calculator.multiple',
  // centrality and communities (read the graph, return figures)
  'pagerank.get',
  'pagerank_online.get',
  'betweenness_centrality.get',
  'betweenness_centrality_online.get',
  'degree_centrality.get',
  'katz_centrality.get',
  'katz_centrality_online.get',
  'community_detection.get',
  'community_detection_online.get',
  'leiden_community_detection.get',
  'node_similarity.cosine',
  'node_similarity.jaccard',
  'node_similarity.overlap',
  'bipartite_matching.max',
  'max_flow.get_flow',
  'tsp.solve',
  'set_cover.greedy',
  'set_cover.cp_solve',
]);

/** Whether `CALL qualifiedName` reads only (case-insensitive, as Memgraph resolves names). */
export function isReadProcedure(qualifiedName: string): boolean {
  return READ_PROCEDURES.has(qualifiedName.toLowerCase());
}
