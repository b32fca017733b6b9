export { ANCHOR_ID, ANCHOR_LABEL, ANCHOR_QUERY, COMPLETE_QUERY, claimAnchor, markComplete, type DemoGraphAnchor } from './anchor';
export { readDemoDataConfig, type DemoDataConfig } from './config';
export { createIndexes, runBatches } from './load';
export { loadDemoData, type LoadOutcome } from './loader';
export type { Log } from './log';
export { waitForMemgraph, type WaitOptions } from './wait-for-memgraph';
