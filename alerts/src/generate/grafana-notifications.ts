// Grafana alerting provisioning for notifications: contact points (addresses from environment variables), the
// policy tree routing by severity, and the message template.
import type { ContactPoint, NotificationPolicy } from '@grafana/grafana-foundation-sdk/alerting';
import {
  CONTACT_POINTS,
  MESSAGE_TEMPLATE,
  NOTIFICATION_TEMPLATE,
  TEMPLATE_NAME,
  TITLE_TEMPLATE,
} from '../notifications';

const ORG_ID = 1;

type ReceiverV1 = Required<Pick<ContactPoint, 'uid' | 'type' | 'settings' | 'disableResolveMessage'>>;

export function contactPointsFile() {
  return {
    apiVersion: 1,
    contactPoints: Object.values(CONTACT_POINTS).map((cp) => {
      const receiver: ReceiverV1 = {
        uid: cp.uid,
        type: 'email',
        settings: {
          // Expanded by Grafana from its environment at start-up (Go os.ExpandEnv: `$NAME` or `${NAME}` only).
          addresses: `\${${cp.env}}`,
          singleEmail: true,
          subject: `{{ template "${TITLE_TEMPLATE}" . }}`,
          message: `{{ template "${MESSAGE_TEMPLATE}" . }}`,
        },
        disableResolveMessage: false,
      };
      return { orgId: ORG_ID, name: cp.name, receivers: [receiver] };
    }),
  };
}

/** Replaces the organisation's whole policy tree: everything not routed by severity goes to the ops team. */
export function notificationPoliciesFile() {
  const route = (cp: (typeof CONTACT_POINTS)[keyof typeof CONTACT_POINTS]): NotificationPolicy => ({
    receiver: cp.name,
    object_matchers: [['severity', '=', cp.severity]],
    group_wait: cp.groupWait,
    repeat_interval: cp.repeatInterval,
  });
  const policy: NotificationPolicy & { orgId: number } = {
    orgId: ORG_ID,
    receiver: CONTACT_POINTS.ops.name,
    group_by: ['grafana_folder', 'alertname'],
    group_wait: '30s',
    group_interval: '5m',
    repeat_interval: CONTACT_POINTS.ops.repeatInterval,
    routes: [route(CONTACT_POINTS.oncall), route(CONTACT_POINTS.ops)],
  };
  return { apiVersion: 1, policies: [policy] };
}

export function notificationTemplatesFile() {
  return { apiVersion: 1, templates: [{ orgId: ORG_ID, name: TEMPLATE_NAME, template: NOTIFICATION_TEMPLATE }] };
}
