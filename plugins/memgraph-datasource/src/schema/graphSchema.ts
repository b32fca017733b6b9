/** What the Cypher editor knows about the graph: names it completes and checks against. */
export interface GraphSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  /** Query-module functions (`CALL mg.functions()`), e.g. `date.format`; built-ins are known to the editor. */
  functions: string[];
  /** How each part was read, for the editor's tooltip (e.g. "labels: SHOW NODE_LABELS INFO"). */
  notes: string[];
}
