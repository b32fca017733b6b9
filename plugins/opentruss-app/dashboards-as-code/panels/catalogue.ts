// Panels fed by one query of the business catalogue take its title and description from the catalogue too.
import { catalogueQuery, type CatalogueQueryId } from '@opentruss/opentruss-graph';
import { bilingual, describe } from './text';

export function catalogueTitle(id: CatalogueQueryId): string {
  return bilingual(catalogueQuery(id).title);
}

/** The catalogue's description, an optional note on how the panel shows it, and the Chinese title. */
export function catalogueDescription(id: CatalogueQueryId, note = ''): string {
  const query = catalogueQuery(id);
  return describe(
    `${query.description}${note ? ` ${note}` : ''}`,
    `${query.title.zh}（数据来自 Memgraph，按所选项目和单体）。`
  );
}
