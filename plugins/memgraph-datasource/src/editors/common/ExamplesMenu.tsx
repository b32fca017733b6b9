import { t, Trans } from '@grafana/i18n';
import { PLAIN_TEXT, inViewerLanguage } from '@opentruss/contract';
import { Button, Dropdown, Menu } from '@grafana/ui';
import { type CatalogueQuery, type CatalogueUse, QUERY_CATALOGUE } from '@opentruss/opentruss-graph/queries';
import React from 'react';

import { TEST_IDS } from '../testIds';

interface Props {
  /** Which catalogue queries fit this editor: panel examples, variable queries or annotation queries. */
  use: Extract<CatalogueUse, 'example' | 'variable' | 'annotation'>;
  onPick: (query: CatalogueQuery) => void;
}

/** The menu line under the title: the query's format and the dashboard variables it needs. */
function describe(query: CatalogueQuery): string {
  const format = query.format.replace('_', ' ');
  return query.variables.length
    ? t('examples.description-with-variables', '{{format}} · needs dashboard variables {{variables}}', {
        ...PLAIN_TEXT,
        format,
        variables: query.variables.map((name) => `$${name}`).join(', '),
      })
    : format;
}

/** Ready queries for the OpenTruss graph, straight from @opentruss/opentruss-graph's catalogue (one source of truth). */
export function ExamplesMenu({ use, onPick }: Props) {
  const queries = QUERY_CATALOGUE.filter((query) => query.uses.includes(use));
  const menu = (
    <Menu>
      {queries.map((query) => (
        <Menu.Item
          key={query.id}
          label={inViewerLanguage(query.title)}
          description={describe(query)}
          onClick={() => onPick(query)}
        />
      ))}
    </Menu>
  );
  return (
    <Dropdown overlay={menu} placement="bottom-start">
      <Button
        variant="secondary"
        size="sm"
        icon="book-open"
        data-testid={TEST_IDS.examples}
        aria-label={t('examples.aria-label', 'OpenTruss examples')}
      >
        <Trans i18nKey="examples.button">Examples</Trans>
      </Button>
    </Dropdown>
  );
}
