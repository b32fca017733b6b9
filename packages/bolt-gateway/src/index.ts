export { startBoltGateway, type BoltGateway, type BoltGatewayOptions } from './gateway';
export {
  settingsFromEnv,
  SettingsError,
  DEFAULT_LIMITS,
  LIMIT_VARIABLES,
  type GatewaySettings,
  type Limits,
} from './config/settings';
export { checkQuery, readOnlyExtra } from './relay/statement-policy';
export { GATEWAY_USER_AGENT } from './upstream/upstream-link';
