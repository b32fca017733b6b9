/** @jest-environment node */
// The layers point down (see .dependency-cruiser.cjs), checked by @opentruss/tooling's describeLayers: every import
// of src/, type imports included, against each rule, and one planted violation per rule proves each rule bites.
import fs from 'node:fs';
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

const SRC = path.resolve(__dirname);

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  minModules: 101,
  planted: {
    'src/datasource.ts': 'export const ds = 1;',
    'src/model/result.ts': "import { frame } from '../frames/frame';\nexport const result = frame;",
    'src/frames/frame.ts': "import { run } from '../connection/run';\nexport const frame = run;",
    'src/connection/run.ts': "import { notice } from '../frames/notice';\nexport const run = notice;",
    'src/frames/notice.ts': 'export const notice = 1;',
    'src/editors/editor.ts': "import { ds } from '../datasource';\nexport const editor = ds;",
    'src/variables/support.ts': "import { ds } from '../datasource';\nexport const support = ds;",
    'src/query/prepare.ts': "import { helper } from '../testing/helper';\nexport const prepare = helper;",
    'src/testing/helper.ts': 'export const helper = 1;',
    'src/schema/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/schema/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});

function productModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'testing' ? [] : productModules(file);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

// Test helpers stay out of the product: no module of the plugin outside src/testing imports from it, except tests.
it('no product module imports the test helpers', () => {
  const modules = productModules(SRC);
  expect(modules.length).toBeGreaterThan(20);
  const importing = modules.filter((file) => /from '(\.\.?\/)+(\.\.\/)*testing\//.test(fs.readFileSync(file, 'utf8')));
  expect(importing.map((file) => path.relative(SRC, file))).toEqual([]);
});
