export * from './ids';
export * from './gateway-errors';
export * from './gateway-metrics';
export * from './links';
export * from './query';
