export * from './ids';
export * from './links';
export * from './query';
