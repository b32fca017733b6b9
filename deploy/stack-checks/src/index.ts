export * from './compose';
export * from './dockerfile';
export * from './images';
export * from './processes';
export * from './prometheus';
export * from './provisioning';
export * from './repo';
export * from './demo-metrics-bundle';
