// alerts' layers (.dependency-cruiser.cjs) hold on src/, and each rule refuses a planted violation.
import path from "node:path";
import { describeLayers } from "@opentruss/tooling/testing";

describeLayers({
  packageDir: path.resolve(__dirname, ".."),
  minModules: 26,
  planted: {
    "src/model.ts":
      "import { LIMIT } from './config';\nexport type Limit = typeof LIMIT;",
    "src/config.ts":
      "import { SHAPE } from './lib/promql';\nexport const LIMIT = SHAPE;",
    "src/lib/promql.ts":
      "import { ALERTS } from '../alerts';\nexport const SHAPE = ALERTS;",
    "src/lib/format.ts":
      "import { unit } from './units';\nexport const format = 1;\nexport const label = () => unit;",
    "src/lib/units.ts":
      "import { format } from './format';\nexport const unit = format;",
    "src/alerts/index.ts":
      "import { a } from './system';\nimport { RUNBOOKS } from '../runbooks';\nexport const ALERTS = [a, RUNBOOKS];",
    "src/alerts/system.ts":
      "import { b } from './business';\nimport { format } from '../lib/format';\nexport const a = b + format;",
    "src/alerts/business.ts": "export const b = 1;",
    "src/runbooks.ts":
      "import { MARKDOWN } from './runbook-markdown.generated';\nexport const RUNBOOKS = MARKDOWN;",
    "src/runbook-markdown.generated.ts":
      "import type { Name } from './names';\nexport const MARKDOWN: Record<Name, string> = {};",
    "src/names.ts": "export type Name = 'A';",
    "src/rules/grafana.ts":
      "import { write } from '../generate/outputs';\nexport const rule = write;",
    "src/generate/outputs.ts": "export const write = 1;",
  },
});
