import { t } from '@grafana/i18n';
import { readQueryNames, type NameUse } from '@opentruss/cypher';

import { PLAIN_TEXT } from '@opentruss/contract';

import type { CypherDiagnostic } from './diagnostic';
import type { MaskedCypher } from './dialect';
import type { QueryContext } from './queryContext';

/** Above this size the query is not read for names (main thread, on every pause in typing); Memgraph checks on Run. */
const MAX_ANALYSED_LENGTH = 20_000;

function overlaps(d: { start: number; end: number }, r: { start: number; end: number }): boolean {
  return d.start < r.end && r.start < Math.max(d.end, d.start + 1);
}

const warning = (use: NameUse, message: string): CypherDiagnostic => ({
  severity: 'warning',
  message,
  start: use.start,
  end: use.end,
  source: 'cypher',
});

/**
 * What a Cypher parser knows beyond the datasource's refusals, read by the read-only checker's own grammar of
 * Memgraph's Cypher (readQueryNames of @opentruss/cypher), so it never disagrees with what the panel sends:
 * variables used but never bound (an error), and labels, relationship types and property keys missing from the
 * live schema (warnings: the schema is sampled, and a name may be about to exist).
 * Reads the masked query (macros as function calls, Memgraph expansions blanked, see maskForNeo4j): a query the
 * checker refuses has nothing more to say here — the refusal is already marked.
 */
export function nameDiagnostics(masked: MaskedCypher, context: QueryContext): CypherDiagnostic[] {
  if (masked.text.trim() === '' || masked.text.length > MAX_ANALYSED_LENGTH) {
    return [];
  }
  const names = readQueryNames(masked.text);
  if (!names) {
    return [];
  }
  const schema = context.schema;
  const missing = (known: readonly string[] | undefined, use: NameUse) =>
    Boolean(known?.length) && !known!.includes(use.name);
  const found: CypherDiagnostic[] = [
    ...names.undefinedVariables
      .filter((use) => !masked.expansionVariables.has(use.name))
      .map(
        (use): CypherDiagnostic => ({
          ...warning(
            use,
            t('diagnostics.undefined-variable', 'Variable `{{name}}` not defined', { name: use.name, ...PLAIN_TEXT })
          ),
          severity: 'error',
        })
      ),
    ...names.labels
      .filter((use) => missing(schema?.labels, use))
      .map((use) =>
        warning(
          use,
          t(
            'diagnostics.unknown-label',
            "Label {{name}} is not in this database's schema: check the spelling, or refresh the schema if it is new",
            { name: use.name, ...PLAIN_TEXT }
          )
        )
      ),
    ...names.relationshipTypes
      .filter((use) => missing(schema?.relationshipTypes, use))
      .map((use) =>
        warning(
          use,
          t(
            'diagnostics.unknown-relationship-type',
            "Relationship type {{name}} is not in this database's schema: check the spelling, or refresh the schema " +
              'if it is new',
            { name: use.name, ...PLAIN_TEXT }
          )
        )
      ),
    ...names.labelsOrTypes
      .filter((use) => missing(schema?.labels, use) && missing(schema?.relationshipTypes, use))
      .map((use) =>
        warning(
          use,
          t(
            'diagnostics.unknown-label-or-type',
            "Label or relationship type {{name}} is not in this database's schema: check the spelling, or refresh " +
              'the schema if it is new',
            { name: use.name, ...PLAIN_TEXT }
          )
        )
      ),
    ...names.propertyKeys
      .filter((use) => missing(schema?.propertyKeys, use))
      .map((use) =>
        warning(
          use,
          t(
            'diagnostics.unknown-property-key',
            "Property key {{name}} is not in this database's schema: check the spelling, or refresh the schema if it " +
              'is new',
            { name: use.name, ...PLAIN_TEXT }
          )
        )
      ),
  ];
  return found.filter((d) => !masked.regions.some((region) => overlaps(d, region)));
}
