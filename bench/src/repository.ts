import path from 'node:path';

/** The repository's root folder (bench/src → ../..). */
export const REPO_ROOT = path.resolve(__dirname, '../..');
