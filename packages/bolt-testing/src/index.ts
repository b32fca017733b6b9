// Test support shared by every package that tests a Bolt server: the real neo4j-driver on both channels, a raw
// Bolt client for what the driver hides, values of every Bolt type and an exact comparison for them.
export * from './drivers';
export * from './raw-bolt';
export * from './normalize';
export * from './value-cases';
export * from './invalid-utf8';
