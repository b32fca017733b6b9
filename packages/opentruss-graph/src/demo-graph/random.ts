import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A seeded random source (pure-rand's xoroshiro128+): the same seed gives the same sequence everywhere. */
export class Random {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return uniformFloat64(this.rng);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** Uniform float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new Error('Random.pick needs at least one item');
    }
    return items[this.int(0, items.length - 1)];
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.next() * total;
    for (const [key, weight] of entries) {
      threshold -= weight;
      if (threshold < 0) {
        return key;
      }
    }
    return entries[entries.length - 1][0];
  }

  /** `length` lowercase hex digits. */
  hex(length: number): string {
    let text = '';
    while (text.length < length) {
      text += this.int(0, 0xffff).toString(16).padStart(4, '0');
    }
    return text.slice(0, length);
  }

  /**
   * Splits `total` into `parts` non-negative integers with uneven, seeded shares (each share weighted
   * 0.5–1.5), so sibling nodes do not all get the same number of children.
   */
  split(total: number, parts: number): number[] {
    if (parts <= 0) {
      return [];
    }
    const weights = Array.from({ length: parts }, () => 0.5 + this.next());
    const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
    const shares = weights.map((weight) => Math.floor((total * weight) / weightSum));
    let remainder = total - shares.reduce((sum, share) => sum + share, 0);
    for (let index = 0; remainder > 0; index = (index + 1) % parts, remainder--) {
      shares[index]++;
    }
    return shares;
  }
}

/**
 * Eight hex digits that are unique for every counter value below 2^32 (multiplication by an odd constant is a
 * bijection modulo 2^32), yet look random, like the uuid fragments OpenTruss puts in ids.
 */
export function uniqueHex(counter: number): string {
  return (Math.imul(counter + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
}
