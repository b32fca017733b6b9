// Lists the repository's npm workspaces (as declared in the root package.json) with their package.json.
const fs = require('node:fs');
const path = require('node:path');

function repoRoot(start = process.cwd()) {
  let dir = start;
  for (;;) {
    const pkgFile = path.join(dir, 'package.json');
    if (fs.existsSync(pkgFile) && JSON.parse(fs.readFileSync(pkgFile, 'utf8')).workspaces) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('No package.json with "workspaces" above ' + start);
    }
    dir = parent;
  }
}

/** Expands the root's workspace patterns (`dir` or `dir/*`) into `{ dir, pkg }` entries, sorted by folder. */
function listWorkspaces(root = repoRoot()) {
  const { workspaces } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) {
      return [pattern];
    }
    const parent = pattern.slice(0, -2);
    return fs.existsSync(path.join(root, parent))
      ? fs.readdirSync(path.join(root, parent)).map((name) => path.join(parent, name))
      : [];
  });
  return dirs
    .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')))
    .sort()
    .map((dir) => ({ dir, pkg: JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) }));
}

module.exports = { listWorkspaces, repoRoot };
