import { t, Trans } from '@grafana/i18n';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Collapse, useStyles2 } from '@grafana/ui';
import { MACROS } from '@opentruss/cypher';
import React, { type ReactNode, useState } from 'react';

import { translateCypherText } from '../../model/cypherTexts';
import { BUILT_IN_PARAMETERS } from '../cypher/queryContext';
import { TEST_IDS } from '../testIds';

/** Collapsible help under the editor, like Grafana's SQL editors': macros, parameters, variables, shortcuts. */
export function QueryHelp({ children }: { children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const styles = useStyles2(getStyles);
  return (
    <div data-testid={TEST_IDS.help}>
      <Collapse
        label={t('query-help.title', 'Help: macros, parameters and variables')}
        isOpen={open}
        onToggle={() => setOpen(!open)}
      >
        <div className={styles.help}>
          {children}
          <h6>
            <Trans i18nKey="query-help.macros">Macros</Trans>
          </h6>
          <table className={styles.table}>
            <tbody>
              {MACROS.map((macro) => (
                <tr key={macro.name}>
                  <td>
                    <code>{macro.signature}</code>
                  </td>
                  <td>
                    {translateCypherText(macro.description)}
                    <pre>{macro.example}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h6>
            <Trans i18nKey="query-help.parameters">Parameters every query receives</Trans>
          </h6>
          <table className={styles.table}>
            <tbody>
              {Object.entries(BUILT_IN_PARAMETERS).map(([name, meaning]) => (
                <tr key={name}>
                  <td>
                    <code>${name}</code>
                  </td>
                  <td>{translateCypherText(meaning)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h6>
            <Trans i18nKey="query-help.variables">Dashboard variables</Trans>
          </h6>
          <p>
            <Trans
              i18nKey="query-help.variables-text"
              values={{ dollar: '$project', braces: '${project}', brackets: '[[project]]', raw: '${label:raw}' }}
            >
              <code>{'{{dollar}}'}</code>, <code>{'{{braces}}'}</code> and <code>{'{{brackets}}'}</code> reach Memgraph
              as the parameter <code>{'{{dollar}}'}</code> — never as text in the query. Multi-value variables and
              &quot;All&quot; arrive as lists: <code>WHERE p.id IN $project</code> (an &quot;All&quot; with a custom all
              value arrives as that text instead). Values are strings: compare numbers with{' '}
              <code>toInteger($level)</code>. Only <code>{'{{raw}}'}</code> puts text into the query, and only a label,
              relationship type or property key, backtick-quoted.
            </Trans>
          </p>
          <h6>
            <Trans i18nKey="query-help.keys">Keys</Trans>
          </h6>
          <p>
            <Trans i18nKey="query-help.keys-text">
              <kbd>Ctrl</kbd>/<kbd>Cmd</kbd>+<kbd>Enter</kbd> runs the query; <kbd>Ctrl</kbd>+<kbd>Space</kbd> lists
              completions (keywords, functions, labels, relationship types, property keys, variables and macros).
            </Trans>
          </p>
        </div>
      </Collapse>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  help: css({
    fontSize: theme.typography.bodySmall.fontSize,
    pre: { margin: theme.spacing(0.5, 0), whiteSpace: 'pre-wrap' },
  }),
  table: css({ width: '100%', td: { verticalAlign: 'top', padding: theme.spacing(0.5, 1, 0.5, 0) } }),
});
