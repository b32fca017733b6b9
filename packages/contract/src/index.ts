export * from './ids';
export * from './gateway-metrics';
export * from './links';
export * from './query';
export * from './viewerLanguage';
