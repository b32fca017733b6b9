export * from './credentials';
export * from './secrets';
