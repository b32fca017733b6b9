import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import { positionAt } from '@opentruss/cypher';
import React from 'react';

import type { CypherDiagnostic } from '../cypher/diagnostic';
import { TEST_IDS } from '../testIds';

/** The editor's markers as a list under it: readable without hovering, and by screen readers. */
export function Problems({ text, diagnostics }: { text: string; diagnostics: CypherDiagnostic[] }) {
  const styles = useStyles2(getStyles);
  if (diagnostics.length === 0) {
    return null;
  }
  return (
    <ul
      className={styles.list}
      data-testid={TEST_IDS.queryProblems}
      aria-label={t('problems.aria-label', 'Query problems')}
    >
      {diagnostics.map((d) => {
        const { line, column } = positionAt(text, d.start);
        return (
          <li key={`${d.start}:${d.message}`} className={d.severity === 'error' ? styles.error : styles.warning}>
            <Icon name={d.severity === 'error' ? 'exclamation-circle' : 'exclamation-triangle'} />{' '}
            <span>
              {t('problems.position', 'Line {{line}}, column {{column}}: {{message}}', {
                ...PLAIN_TEXT,
                line,
                column,
                message: d.message,
              })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 0),
    padding: 0,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  error: css({ color: theme.colors.error.text }),
  warning: css({ color: theme.colors.warning.text }),
});
