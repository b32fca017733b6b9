/** How long and how large a benchmark run is. `standard` is what the recorded figures use. */
export interface Profile {
  name: ProfileName;
  /** Measured repetitions of each path (after the warm-ups), interleaved so load changes hit every path alike. */
  runs: number;
  warmups: number;
  conversionRecords: number;
  timeSeriesPoints: number;
  timeSeriesSeries: number;
  panels: number;
  /** Queries the soak issues in total. */
  soakQueries: number;
  /** Repetitions of the conversion paths with the server in the client's process (the placement comparison). */
  placementRuns: number;
  /** Demo graph the business exporter collects from (figure 6): the ops manual's 6-month capacity by default. */
  exporterGraph: 'capacity-now' | 'capacity-6-months';
}

export type ProfileName = 'quick' | 'standard' | 'long';

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  quick: {
    name: 'quick',
    runs: 3,
    warmups: 1,
    conversionRecords: 10_000,
    timeSeriesPoints: 5_000,
    timeSeriesSeries: 20,
    panels: 30,
    soakQueries: 1_000,
    placementRuns: 2,
    exporterGraph: 'capacity-now',
  },
  standard: {
    name: 'standard',
    runs: 7,
    warmups: 1,
    conversionRecords: 100_000,
    timeSeriesPoints: 50_000,
    timeSeriesSeries: 20,
    panels: 30,
    soakQueries: 10_000,
    placementRuns: 3,
    exporterGraph: 'capacity-6-months',
  },
  long: {
    name: 'long',
    runs: 15,
    warmups: 2,
    conversionRecords: 100_000,
    timeSeriesPoints: 50_000,
    timeSeriesSeries: 20,
    panels: 30,
    soakQueries: 50_000,
    placementRuns: 5,
    exporterGraph: 'capacity-6-months',
  },
};

export function isProfileName(name: string): name is ProfileName {
  return Object.hasOwn(PROFILES, name);
}
