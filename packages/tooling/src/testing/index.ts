export * from './dashboards';
export * from './processes';
export * from './prometheus';
export { DEBIAN_PYTHON } from '../python';
export * from './layers';
