export { default } from '@opentruss/tooling/eslint/node-package';
