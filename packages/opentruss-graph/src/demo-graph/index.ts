export * from './presets';
export * from './model';
export * from './timestamps';
export * from './plan';
export * from './lot-workflow';
export { generateDemoGraph, countDemoGraphFor, resolveDemoGraphOptions } from './generate';
export type { DemoGraphOptions, ResolvedDemoGraphOptions } from './generate';
