export * from './compose';
export * from './dockerfile';
export * from './images';
export * from './provisioning';
export * from './repo';
export * from './demo-metrics-bundle';
export * from './certificates';
export * from './secrets';
