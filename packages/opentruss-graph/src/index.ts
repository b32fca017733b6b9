export * from './vocabulary';
export * from './demo-graph';
export * from './load';
export * from './queries';
