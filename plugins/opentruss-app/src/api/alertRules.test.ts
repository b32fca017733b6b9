import { ALERTS, alertDatasource } from '@opentruss/alerts';
import { alertRuleGroups } from './alertRules';

describe('alert rules installed over the HTTP API', () => {
  const groups = alertRuleGroups({
    prometheusUid: 'prom-2',
    lokiUid: 'logs-2',
    orgId: 3,
    folderUid: 'folder-1',
  });
  const rules = groups.flatMap((g) => g.rules);

  it('query the configured Prometheus, or the configured Loki for the log alerts', () => {
    expect(rules.map((r) => r.title).sort()).toEqual(ALERTS.map((a) => a.name).sort());
    for (const rule of rules) {
      const alert = ALERTS.find((a) => a.name === rule.title)!;
      const [query, ...expressions] = rule.data;
      const uid = alertDatasource(alert) === 'loki' ? 'logs-2' : 'prom-2';
      expect({ rule: rule.title, uid: query.datasourceUid, model: (query.model as { datasource: { uid: string } }).datasource.uid }).toEqual({
        rule: rule.title,
        uid,
        model: uid,
      });
      expect(expressions.map((e) => e.datasourceUid)).toEqual(['__expr__', '__expr__']);
    }
    expect(rules.filter((r) => r.data[0].datasourceUid === 'logs-2').length).toBe(3);
  });
});
