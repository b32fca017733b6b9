export * from './ids';
export * from './gateway-metrics';
export * from './replication-metrics';
export * from './links';
export * from './query';
