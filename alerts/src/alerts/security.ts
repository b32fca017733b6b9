// Group opentruss-security: ops manual §7's upkeep that can be measured — the certificates the stack serves
// (Grafana's https through tls-proxy, the Bolt gateway's bolt+s/wss port), read by the blackbox exporter's TLS
// handshakes under the `tls` profile.
import { alertGroup } from '../lib/define';
import { LABEL, VALUE, panel } from '../lib/describe';

/** Days before expiry from which a certificate is reported: time to get, deploy and check a new one. */
const EXPIRY_WARNING_DAYS = 30;

export const securityGroup = alertGroup({
  key: 'security',
  name: 'opentruss-security',
  // Expiry moves by days: every 5 minutes is plenty.
  interval: '5m',
  alerts: (config) => [
    {
      name: 'TLSCertificateExpiringSoon',
      source: '7',
      // The earliest expiry in the served chain, in days from now.
      expr: `(min by (instance) (probe_ssl_earliest_cert_expiry{${config.selectors.tls}}) - time()) / 86400`,
      comparator: 'lt',
      value: EXPIRY_WARNING_DAYS,
      unit: 'days',
      // The value only shrinks; 15 minutes (3 evaluations) keep a replaced certificate's last old probe quiet.
      for: '15m',
      severity: 'warning',
      component: 'security',
      summary: { zh: 'TLS 证书即将过期', en: 'TLS certificate expires soon' },
      description: {
        zh: `${LABEL.instance} 提供的 TLS 证书将在 ${VALUE.decimal} 天后过期（少于 ${EXPIRY_WARNING_DAYS} 天）：过期后浏览器和 bolt+s/wss 客户端会拒绝连接。`,
        en: `The TLS certificate served at ${LABEL.instance} expires in ${VALUE.decimal} days (less than ${EXPIRY_WARNING_DAYS}): once expired, browsers and bolt+s/wss clients refuse to connect.`,
      },
      panel: panel('system', 10, { zh: 'TLS 证书剩余天数', en: 'Days until TLS certificates expire' }),
      noDataState: 'OK',
      noDataReason: {
        zh: '只有 tls 配置才有 TLS 端口和探测；没有序列表示没有需要检查的证书。',
        en: 'Only the tls profile serves TLS and probes it; no series means there is no certificate to watch.',
      },
    },
  ],
});
