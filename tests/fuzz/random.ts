/**
 * A seeded pseudo-random generator (SplitMix32): the campaign must replay exactly from `--seed S`, so nothing in the
 * fuzz harness calls Math.random. Input `i` of a campaign gets its own generator, seeded from (seed, i), so that one
 * input can be replayed without generating the ones before it.
 */
export class Random {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** The generator of input `index` of the campaign seeded with `seed`. */
    static forInput(seed: number, index: number): Random {
        return new Random(Math.imul(seed ^ 0x9E3779B9, 0x85EBCA6B) ^ Math.imul(index + 1, 0xC2B2AE35));
    }

    /** A uniform 32-bit unsigned integer. */
    next(): number {
        this.state = (this.state + 0x9E3779B9) >>> 0;
        let z = this.state;
        z = Math.imul(z ^ (z >>> 16), 0x21F0AAAD);
        z = Math.imul(z ^ (z >>> 15), 0x735A2D97);
        return (z ^ (z >>> 15)) >>> 0;
    }

    /** An integer in [0, n). */
    below(n: number): number {
        return n <= 1 ? 0 : Math.floor((this.next() / 0x1_0000_0000) * n);
    }

    /** An integer in [min, max]. */
    between(min: number, max: number): number {
        return min + this.below(max - min + 1);
    }

    /** True with probability p. */
    chance(p: number): boolean {
        return this.next() / 0x1_0000_0000 < p;
    }

    pick<T>(items: readonly T[]): T {
        return items[this.below(items.length)];
    }

    /** A length between min and max, spread evenly over orders of magnitude (long runs are rare but reached). */
    logLength(min: number, max: number): number {
        const low = Math.log(min), high = Math.log(max);
        return Math.round(Math.exp(low + (high - low) * (this.next() / 0x1_0000_0000)));
    }
}
