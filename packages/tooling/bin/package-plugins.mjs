#!/usr/bin/env node
// Zips each built plugin (`plugins/*/dist`) into `artifacts/<plugin-id>-<version>.zip`, with the plugin id as
// the single top folder: the layout Grafana's plugin installer and the plugin validator expect.
import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';
import workspaces from '../src/workspaces.js';

const root = workspaces.repoRoot();
const outDir = path.join(root, 'artifacts');
fs.mkdirSync(outDir, { recursive: true });

let packaged = 0;
for (const { dir, pkg } of workspaces.listWorkspaces(root)) {
  const distDir = path.join(root, dir, 'dist');
  const pluginJsonFile = path.join(distDir, 'plugin.json');
  if (!dir.startsWith('plugins/')) {
    continue;
  }
  if (!fs.existsSync(pluginJsonFile)) {
    console.error(`${dir}: no dist/plugin.json — run its build first`);
    process.exit(1);
  }
  const { id } = JSON.parse(fs.readFileSync(pluginJsonFile, 'utf8'));
  const zip = new AdmZip();
  zip.addLocalFolder(distDir, id);
  const archive = path.join(outDir, `${id}-${pkg.version}.zip`);
  zip.writeZip(archive);
  console.log(`packaged ${path.relative(root, archive)}`);
  packaged++;
}
if (packaged === 0) {
  console.error('no plugins found under plugins/');
  process.exit(1);
}
