export * from './config';
export * from './exporter';
export * from './memgraph';
export * from './setup';
export * from './show-replicas';
