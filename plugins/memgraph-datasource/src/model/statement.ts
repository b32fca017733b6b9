/** A statement as sent to Memgraph: the text, where variables appear only as `$name`, and the values they bind. */
export interface CypherStatement {
  text: string;
  parameters: Record<string, unknown>;
  /** `show` (SHOW … statements) runs auto-commit, as Memgraph refuses them in explicit transactions; `read` in a
   * READ transaction. */
  kind: 'read' | 'show';
}
