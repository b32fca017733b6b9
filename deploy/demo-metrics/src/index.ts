export { readDemoMetricsConfig, type DemoMetricsConfig } from './config';
export { ENDPOINTS, type EndpointProfile, type QueryType } from './endpoints';
export { EPISODE_EFFECTS, EPISODES, MIN_CYCLE_MINUTES, episodeAt, isEpisode, type Episode, type EpisodeEffect } from './episodes';
export { createDemoMetrics, DEMO_EPISODE_METRIC, IN_PROGRESS_METRIC, OPENTRUSS_METRIC_NAMES, PYTHON_CLIENT_DEFAULT_BUCKETS, type DemoMetrics } from './metrics';
export { Random } from './random';
export { startDemoMetricsServer, type DemoMetricsOptions, type DemoMetricsServer } from './server';
export { TrafficSimulator, workdayLoadFactor, type SimulatedQuery, type SimulatedRequest } from './simulator';
