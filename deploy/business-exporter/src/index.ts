export { readExporterConfig, DEFAULTS, HARD_MAX_BUILDINGS, type ExporterConfig } from './config';
export { collectSnapshot, ACTIVITY_WINDOW_MS, type BusinessSnapshot, type BuildingFigures } from './collect';
export { catalogueStatement, EXPORTER_TIME_ZONE, MemgraphReader, QueryTimeoutError, type Statement } from './memgraph';
export { createBusinessMetrics, METRIC_NAMES, type BusinessMetrics } from './metrics';
export { startBusinessExporter, type BusinessExporter, type ExporterOptions } from './exporter';
export { collectStorageInfo, STORAGE_SOURCES, type StorageFigure, type StorageSnapshot } from './storage-info';
