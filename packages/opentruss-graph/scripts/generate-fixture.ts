// Regenerates fixtures/opentruss-demo.jolt.json: `npm run generate -w packages/opentruss-graph`.
import fs from 'node:fs';
import { DEMO_FIXTURE_PATH, buildDemoFixture, serializeFixture } from './demo-fixture';

const { entries } = buildDemoFixture();
fs.writeFileSync(DEMO_FIXTURE_PATH, serializeFixture(entries));
const records = entries.reduce((total, entry) => total + entry.records.length, 0);
console.log(`Wrote ${DEMO_FIXTURE_PATH}: ${entries.length} queries, ${records} records`);
