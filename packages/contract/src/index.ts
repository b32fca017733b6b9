export * from './ids';
export * from './backup-metrics';
export * from './gateway-errors';
export * from './gateway-metrics';
export * from './replication-metrics';
export * from './links';
export * from './query';
export * from './log-line';
