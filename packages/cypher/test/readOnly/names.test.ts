import { readQueryNames } from "../../src/readOnly/names";

const names = (text: string) => {
  const read = readQueryNames(text);
  if (!read) {
    throw new Error(`refused: ${text}`);
  }
  const at = (uses: Array<{ start: number; end: number }>) =>
    uses.map((u) => text.slice(u.start, u.end));
  return {
    labels: at(read.labels),
    relationshipTypes: at(read.relationshipTypes),
    labelsOrTypes: at(read.labelsOrTypes),
    propertyKeys: at(read.propertyKeys),
    undefinedVariables: at(read.undefinedVariables),
  };
};

describe("readQueryNames: the names a read query uses, from the read-only checker’s tree", () => {
  it("finds labels, relationship types and property keys of pattern variables, with their spans as written", () => {
    expect(
      names(
        "MATCH (n:Element|`Inspection Lot`)-[r:HAS_LOT]->(m:InspectionLot) WHERE n:Tagged AND r.w > 1 RETURN n {.status}, m.id, {k: 1}.k",
      ),
    ).toEqual({
      labels: ["Element", "`Inspection Lot`", "InspectionLot"],
      relationshipTypes: ["HAS_LOT"],
      labelsOrTypes: ["Tagged"],
      propertyKeys: ["w", "status", "id"],
      undefinedVariables: [],
    });
    expect(
      names("USING INDEX :Element(id) MATCH (n:Element) RETURN n").labels,
    ).toEqual(["Element", "Element"]);
  });

  it("looks up keys only on variables a node or relationship pattern binds (a map’s keys are not the schema’s)", () => {
    expect(
      names("UNWIND [{a: 1}] AS row WITH row MATCH (n) RETURN row.a, n.b")
        .propertyKeys,
    ).toEqual(["b"]);
  });

  it("calls a variable undefined only when nothing in the statement binds it", () => {
    expect(names("MATCH (n) RETURN x").undefinedVariables).toEqual(["x"]);
    expect(
      names("MATCH (n) RETURN n.id AS id ORDER BY id").undefinedVariables,
    ).toEqual([]);
    for (const bound of [
      "MATCH p = (a)-[r]->(b) RETURN p, r, a, b",
      "UNWIND [1, 2] AS x RETURN x",
      "CALL mg.procedures() YIELD name AS procedure RETURN procedure",
      "RETURN [x IN [1, 2] WHERE x > 1 | x * 2] AS xs, all(y IN [1] WHERE y > 0) AS ok",
      "RETURN reduce(total = 0, v IN [1, 2] | total + v) AS s, extract(e IN [1] | e) AS es",
      "MATCH (a)-[e *WSHORTEST (r, n | r.w) total]->(b) RETURN total",
      "MATCH (a) RETURN [(a)-->(b) | b.id] AS ids",
      "MATCH (a) CALL (a) { MATCH (a)-->(c) RETURN c } RETURN c",
      "MATCH (a) WITH a AS b RETURN b",
    ]) {
      expect({ bound, undefined: names(bound).undefinedVariables }).toEqual({
        bound,
        undefined: [],
      });
    }
    expect(
      names("MATCH (a) RETURN b {.id}, a.id + c").undefinedVariables,
    ).toEqual(["b", "c"]);
    expect(
      names("RETURN count(*) AS n, `odd name`").undefinedVariables,
    ).toEqual(["`odd name`"]);
  });

  it("has nothing to say about a statement the checker refuses", () => {
    expect(readQueryNames("MATCH (n) DELETE n")).toBeUndefined();
    expect(readQueryNames("MATCH (n RETURN n")).toBeUndefined();
    expect(readQueryNames("RETURN 'open")).toBeUndefined();
  });
});
