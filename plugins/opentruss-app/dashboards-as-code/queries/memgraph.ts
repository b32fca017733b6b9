// The Memgraph datasource's query as a foundation-SDK custom dataquery ("custom query type" in the SDK README),
// and targets built from the business query catalogue of @opentruss/opentruss-graph — never a second copy of a query.
import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import type { MemgraphQuery, ResultFormat } from '@opentruss/contract';
import { catalogueQuery, type CatalogueQueryId } from '@opentruss/opentruss-graph';
import { datasourceRef } from '../../src/catalogue/datasources';

/** `MemgraphQuery` (the datasource's stored query) as a cog Dataquery variant. */
export interface MemgraphDataquery extends MemgraphQuery, Dataquery {}

export class MemgraphQueryBuilder implements Builder<Dataquery> {
  private readonly internal: MemgraphDataquery;

  constructor(cypher: string) {
    this.internal = {
      refId: 'A',
      datasource: datasourceRef('memgraph'),
      cypher,
      format: 'auto',
      _implementsDataqueryVariant() {},
    };
  }

  refId(refId: string): this {
    this.internal.refId = refId;
    return this;
  }

  format(format: ResultFormat): this {
    this.internal.format = format;
    return this;
  }

  legend(legend: string): this {
    this.internal.legend = legend;
    return this;
  }

  build(): MemgraphDataquery {
    return this.internal;
  }
}

/** A target running catalogue query `id` exactly as the catalogue defines it (Cypher, format, legend). */
export function catalogueTarget(id: CatalogueQueryId, refId = 'A'): MemgraphQueryBuilder {
  const query = catalogueQuery(id);
  const builder = new MemgraphQueryBuilder(query.cypher).refId(refId).format(query.format);
  return query.legend ? builder.legend(query.legend) : builder;
}

/** The query model alone (variables and annotations store it without the builder's marker). */
export function catalogueQueryModel(id: CatalogueQueryId, refId: string): MemgraphQuery {
  const { _implementsDataqueryVariant, ...model } = catalogueTarget(id, refId).build();
  return model;
}
