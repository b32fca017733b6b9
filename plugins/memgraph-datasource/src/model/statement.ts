/** A statement as sent to Memgraph: the text, where variables appear only as `$name`, and the values they bind. */
export interface CypherStatement {
  text: string;
  parameters: Record<string, unknown>;
}
