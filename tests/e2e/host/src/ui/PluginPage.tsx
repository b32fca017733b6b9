// Grafana replaces @grafana/runtime's PluginPage with its page chrome (title from the nav tree, breadcrumbs).
// The host's stand-in shows the title Grafana would: the app's nav entry (plugin.json `includes`) for this path.
import type { PluginPageProps } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import React, { createContext, useContext } from 'react';

export const PageTitleContext = createContext<{ appName: string; title?: string }>({ appName: '' });

export function HostPluginPage({ children, pageNav }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const { appName, title } = useContext(PageTitleContext);
  return (
    <div className={styles.page}>
      <div className={styles.breadcrumb}>{appName}</div>
      <h1 className={styles.title}>{pageNav?.text ?? title ?? appName}</h1>
      {children}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ padding: theme.spacing(2, 3) }),
  breadcrumb: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  title: css({ margin: theme.spacing(0.5, 0, 2) }),
});
