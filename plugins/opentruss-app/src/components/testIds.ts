// Stable test ids for the app's pages (Testing Library here, the browser tests later).
export const testIds = {
  home: {
    container: 'data-testid opentruss-home',
    datasource: (role: string) => `data-testid opentruss-home-datasource-${role}`,
    firing: 'data-testid opentruss-home-firing',
    dashboards: 'data-testid opentruss-home-dashboards',
  },
  runbooks: {
    index: 'data-testid opentruss-runbooks',
    page: 'data-testid opentruss-runbook',
    markdown: 'data-testid opentruss-runbook-markdown',
  },
  checklists: {
    container: 'data-testid opentruss-checklists',
    task: (id: string) => `data-testid opentruss-checklist-task-${id}`,
    live: (id: string) => `data-testid opentruss-checklist-live-${id}`,
  },
  appConfig: {
    datasources: 'data-testid opentruss-config-datasources',
    saveSettings: 'data-testid opentruss-config-save',
    installRules: 'data-testid opentruss-config-install-rules',
    savePlaylist: 'data-testid opentruss-config-save-playlist',
  },
};
