export * from './api';
export { startBoltTestServer } from './server';
export { parseJolt, toJolt, JoltError, type JoltValue } from './jolt/jolt';
export { loadFixtureFile, respondersFromFixture, FixtureError } from './jolt/fixture-file';
export { storageInfoResponders, type StorageFigures } from './responders/storage-info';
