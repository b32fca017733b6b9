import { EPISODES, MIN_CYCLE_MINUTES, episodeAt, type Episode } from '../src';

/** Minute-by-minute episodes of one cycle starting at the epoch-aligned cycle boundary. */
function minutesOfCycle(cycleMinutes: number): Episode[] {
  const start = Date.UTC(2026, 0, 1) - (Date.UTC(2026, 0, 1) % (cycleMinutes * 60_000));
  return Array.from({ length: cycleMinutes * 6 }, (_, i) => episodeAt(start + i * 10_000, cycleMinutes));
}

/** Lengths, in minutes, of every uninterrupted stretch of `episode`. */
function stretches(timeline: Episode[], episode: Episode): number[] {
  const lengths: number[] = [];
  timeline.forEach((e, i) => {
    if (e === episode) {
      i > 0 && timeline[i - 1] === episode ? lengths[lengths.length - 1]++ : lengths.push(1);
    }
  });
  return lengths.map((samples) => samples / 6);
}

describe('episode schedule', () => {
  it('runs every incident once per cycle, each for 15 % of it, with normal traffic in between', () => {
    const timeline = minutesOfCycle(90);
    for (const episode of EPISODES.filter((e) => e !== 'normal')) {
      expect(stretches(timeline, episode)).toEqual([13.5]);
    }
    expect(timeline[0]).toBe('normal');
    expect(stretches(timeline, 'normal').reduce((a, b) => a + b)).toBeCloseTo(90 * 0.55);
  });

  it('keeps every incident at least 10 minutes long at the shortest allowed cycle (5 min rate window + 5 min for)', () => {
    const timeline = minutesOfCycle(MIN_CYCLE_MINUTES);
    for (const episode of EPISODES.filter((e) => e !== 'normal')) {
      expect(stretches(timeline, episode)[0]).toBeGreaterThanOrEqual(10);
    }
  });

  it('is aligned to the epoch, so a restarted service continues the same schedule', () => {
    const t = Date.UTC(2026, 4, 17, 9, 41, 0);
    expect(episodeAt(t, 90)).toBe(episodeAt(t + 90 * 60_000 * 7, 90));
  });
});
