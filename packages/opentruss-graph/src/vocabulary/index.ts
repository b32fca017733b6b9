export * from './labels';
export * from './properties';
export * from './statuses';
export * from './placeholders';
export * from './indexes';
