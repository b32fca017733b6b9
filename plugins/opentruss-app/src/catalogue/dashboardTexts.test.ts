import zhHans from '../locales/zh-Hans/opentruss-app.json';
import { DASHBOARDS } from './dashboards';
import { dashboardTexts } from './dashboardTexts';

// The pages' dashboard names must be the provisioned dashboards' own, in each language.
describe('dashboard texts', () => {
  it.each(DASHBOARDS.map((d) => [d.key, d] as const))('%s: English defaults are the catalogue’s', (_key, dashboard) => {
    expect(dashboardTexts(dashboard.key)).toEqual({ title: dashboard.title.en, summary: dashboard.summary });
  });

  it('zh-Hans titles are the provisioned Chinese titles', () => {
    const keys: Record<string, keyof typeof zhHans.dashboards> = {
      wall: 'wall',
      system: 'system',
      apiDatabase: 'api-database',
      business: 'business',
      capacity: 'capacity',
      logs: 'logs',
    };
    for (const dashboard of DASHBOARDS) {
      expect(zhHans.dashboards[keys[dashboard.key]].title).toBe(dashboard.title.zh);
    }
  });
});
