/**
 * The names a read query uses, read from the read-only checker's parse tree: labels, relationship types, property
 * keys looked up on pattern variables, and variables used but never bound. For the query editor's hints (names
 * missing from the live schema, undefined variables), so they follow Memgraph's grammar exactly as the checker
 * does — no second Cypher parser with another dialect.
 *
 * Variable binding is read without scopes (a name bound anywhere in the statement counts as bound everywhere):
 * it can miss a variable that WITH dropped, but never calls a bound one undefined.
 */
import { lex, LexError } from "./lexer";
import { Parser, Refused } from "./parser";
import { isLeaf, type Leaf, type Node, type Part } from "./tree";

export interface NameUse {
  name: string;
  /** Offsets into the checked text. */
  start: number;
  end: number;
}

export interface ReadQueryNames {
  labels: NameUse[];
  relationshipTypes: NameUse[];
  /** `n:Name` in an expression: a label, or a type when n is a relationship. */
  labelsOrTypes: NameUse[];
  /** `v.key` and `v {.key}` where v is bound by a node or relationship pattern. */
  propertyKeys: NameUse[];
  undefinedVariables: NameUse[];
}

/** Node kinds whose direct name leaves bind variables (with the exceptions handled in `visit`). */
const BINDS = new Set([
  "patternPart",
  "forcePatternPart",
  "patternComprehension",
  "unwind",
  "yield",
  "filterExpression",
  "extract",
  "reduce",
  "relationshipLambda",
  "callSubquery",
]);

/** The names in `text`, or undefined when the read-only checker refuses it (the refusal is the diagnostic then). */
export function readQueryNames(text: string): ReadQueryNames | undefined {
  let tree: Node;
  let tokens;
  try {
    tokens = lex(text);
    tree = new Parser(text, tokens, {}).parse().tree;
  } catch (error) {
    if (
      error instanceof Refused ||
      error instanceof LexError ||
      error instanceof RangeError
    ) {
      return undefined;
    }
    throw error;
  }
  const ends = new Map(tokens.map((token) => [token.start, token.end]));
  const spanOf = (leaf: Leaf): NameUse => ({
    name: leaf.value,
    start: leaf.source,
    end: ends.get(leaf.source) ?? leaf.source + 1,
  });

  const bound = new Set<string>();
  const patternBound = new Set<string>();
  const references: NameUse[] = [];
  const lookups: Array<NameUse & { variable: string }> = [];
  const names: ReadQueryNames = {
    labels: [],
    relationshipTypes: [],
    labelsOrTypes: [],
    propertyKeys: [],
    undefinedVariables: [],
  };
  const nameLeaves = (parts: Part[]) =>
    parts.filter((part): part is Leaf => isLeaf(part) && part.role === "name");

  /** `labelName`: one name (a label or type), or `variable.key…` (a dynamic label: the variable is a reference). */
  const labelName = (label: Node, into: NameUse[]) => {
    const leaves = nameLeaves(label.parts);
    if (leaves.length === 1) {
      into.push(spanOf(leaves[0]));
    } else if (leaves.length > 1) {
      references.push(spanOf(leaves[0]));
    }
  };

  const visit = (node: Node): void => {
    const { parts } = node;
    if (node.node === "var") {
      references.push(spanOf(nameLeaves(parts)[0]));
      return;
    }
    parts.forEach((part, k) => {
      const before = parts[k - 1];
      if (!isLeaf(part)) {
        if (part.node === "labelName") {
          const into =
            node.node === "relationshipDetail"
              ? names.relationshipTypes
              : node.node === "labelPredicate"
                ? names.labelsOrTypes
                : names.labels;
          labelName(part, into);
        } else {
          visit(part);
        }
        return;
      }
      if (part.role !== "name" || part.synthetic) {
        return;
      }
      const afterOpening =
        k === 1 &&
        before &&
        isLeaf(before) &&
        (before.value === "(" || before.value === "[");
      if (
        (node.node === "nodePattern" || node.node === "relationshipDetail") &&
        afterOpening
      ) {
        bound.add(part.value);
        patternBound.add(part.value);
      } else if (node.node === "nodePattern") {
        names.labels.push(spanOf(part)); // `(n:A|B)`: the alternatives after the first
      } else if (node.node === "relationshipDetail" || BINDS.has(node.node)) {
        bound.add(part.value); // relationshipDetail: the total weight's variable after a lambda
      } else if (
        node.node === "returnItem" &&
        before &&
        isLeaf(before) &&
        before.value === "AS"
      ) {
        bound.add(part.value);
      } else if (node.node === "mapProjection" && k === 0) {
        references.push(spanOf(part));
      } else if (
        node.node === "mapProjection" &&
        before &&
        isLeaf(before) &&
        before.value === "."
      ) {
        lookups.push({ ...spanOf(part), variable: nameLeaves(parts)[0].value });
      }
    });
    if (node.node === "property") {
      const [target, , key] = parts;
      if (!isLeaf(target) && target.node === "var" && isLeaf(key)) {
        lookups.push({
          ...spanOf(key),
          variable: nameLeaves(target.parts)[0].value,
        });
      }
    }
  };
  visit(tree);

  names.undefinedVariables = references.filter(
    (reference) => !bound.has(reference.name),
  );
  names.propertyKeys = lookups
    .filter((lookup) => patternBound.has(lookup.variable))
    .map(({ name, start, end }) => ({ name, start, end }));
  return names;
}
