// Kept as the unit tests' import path; the fake itself lives in ./templateSrv, shared with the browser tests.
export { FakeTemplateSrv, fakeTemplateSrv, type FakeVariable } from './templateSrv';
