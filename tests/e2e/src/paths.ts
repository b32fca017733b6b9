import path from 'node:path';

export const E2E_ROOT = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(E2E_ROOT, '../..');
export const ARTIFACTS_DIR = path.join(E2E_ROOT, 'artifacts');
