import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The few distributions the traffic model needs, drawn from a uniform source in [0, 1). */
export class Random {
  /** pure-rand's xoroshiro128+ from a seed: tests pass a fixed one, the service seeds from the clock. */
  static seeded(seed: number): Random {
    const generator = xoroshiro128plus(seed);
    return new Random(() => uniformFloat64(generator));
  }

  constructor(readonly next: () => number) {}

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) is -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median; `sigma` is the spread of its logarithm (p95 = median · e^(1.645·sigma)). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson-distributed count: exact (Knuth) for small means, normal approximation above. */
  poisson(mean: number): number {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    }
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.next(); product > limit; product *= this.next()) {
      count++;
    }
    return count;
  }

  /** Picks an item with probability proportional to `weight(item)`. */
  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let threshold = this.next() * total;
    for (const item of items) {
      threshold -= weight(item);
      if (threshold < 0) {
        return item;
      }
    }
    return items[items.length - 1];
  }
}
