export * from './types';
export * from './catalogue';
export { defaultEvaluationContext } from './context';
export { epochMsOf, inTimeRange, timeBucket } from './time';
export { compareCypher } from './order';
export { LOT_SCOPE, DIVISION_SCOPE, ELEMENT_SCOPE } from './scope';
export { AGE_BUCKETS } from './lots';
export { CONFIDENCE_BANDS } from './elements';
export { driverNode, driverRelationship } from './lot-graph';
