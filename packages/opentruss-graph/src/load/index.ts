export * from './statements';
