export * from './processes';
export * from './prometheus';
