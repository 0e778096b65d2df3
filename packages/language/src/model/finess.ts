/**
 * FINESS numbers: 9 characters, the département on two (digits, or 2A / 2B for Corsica), six digits,
 * and a check key. The key is a Luhn (mod 10) digit over the nine characters with 2A read as 21 and
 * 2B as 22 (../shared/DOMAIN.md §2.2: fitted and cross-checked on 207 real numbers).
 */

export const FINESS_PATTERN = /^(\d{2}|2A|2B)\d{7}$/;

export interface NormalisedFiness {
    /** Canonical form: no spaces, upper case. */
    readonly value: string;
    /** Whether the typed text differed from the canonical form. */
    readonly changed: boolean;
}

export function normaliseFiness(typed: string | undefined): NormalisedFiness {
    const value = (typed ?? '').replace(/\s+/g, '').toUpperCase();
    return { value, changed: value !== (typed ?? '') };
}

export function isWellFormedFiness(value: string): boolean {
    return FINESS_PATTERN.test(value);
}

function digitsForKey(value: string): string {
    return value.replace(/^2A/, '21').replace(/^2B/, '22');
}

/** The key (0-9) that completes an 8-character FINESS body. */
export function finessKey(body: string): number {
    const digits = digitsForKey(body);
    let sum = 0;
    // Rightmost body digit is doubled: the key will sit to its right.
    for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
        let d = Number(digits[i]);
        if (double) {
            d *= 2;
            if (d > 9) {
                d -= 9;
            }
        }
        sum += d;
    }
    return (10 - (sum % 10)) % 10;
}

/** Whether a well-formed FINESS number carries its right key. */
export function hasValidFinessKey(value: string): boolean {
    return finessKey(value.slice(0, 8)) === Number(value[8]);
}

/**
 * The département a FINESS number belongs to, as an INSEE code: `69`, `2A`, `974`.
 * Overseas numbers start with 97 and carry the département in their fourth character (970400024 → 974);
 * Mayotte starts with 9805 (976) and Wallis-et-Futuna with 9806 (986).
 */
export function finessDepartment(value: string): string {
    const prefix = value.slice(0, 2);
    if (prefix === '97') {
        return `97${value[3]}`;
    }
    if (prefix === '98') {
        return value.slice(2, 4) === '05' ? '976' : `98${value[3]}`;
    }
    return prefix;
}

/** Prefixes that designate no département [G]. */
export const FORBIDDEN_FINESS_PREFIXES = ['20', '96', '99'] as const;

/**
 * Whether two FINESS numbers look like one another: they differ in exactly one character, or by two adjacent
 * characters swapped (the usual typing slips). Equal numbers do not count (that is a duplicate).
 */
export function isFinessLookalike(a: string, b: string): boolean {
    if (a.length !== b.length || a === b) return false;
    let first = -1;
    let second = -1;
    for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i]) continue;
        if (first < 0) first = i;
        else if (second < 0) second = i;
        else return false;
    }
    if (second < 0) return true;
    return second === first + 1 && a[first] === b[second] && a[second] === b[first];
}

/**
 * Numbers added one by one, and for a number the first added one that looks like it (`isFinessLookalike`), found
 * through the number with each character masked and each pair of neighbours swapped: O(length) per number, not a
 * comparison with every number added (a 1,000-establishment perimeter made a million).
 */
export class FinessLookalikes {
    private readonly order = new Map<string, number>();
    private readonly byMask = new Map<string, string[]>();

    add(value: string): void {
        if (this.order.has(value)) return;
        this.order.set(value, this.order.size);
        for (let i = 0; i < value.length; i++) {
            const mask = masked(value, i);
            const list = this.byMask.get(mask);
            if (list) list.push(value);
            else this.byMask.set(mask, [value]);
        }
    }

    firstLike(value: string): string | undefined {
        let best: string | undefined;
        const consider = (candidate: string) => {
            if (candidate !== value && this.order.has(candidate) && (best === undefined || this.order.get(candidate)! < this.order.get(best)!)) best = candidate;
        };
        for (let i = 0; i < value.length; i++) {
            for (const candidate of this.byMask.get(masked(value, i)) ?? []) consider(candidate);
        }
        for (let i = 0; i + 1 < value.length; i++) {
            consider(value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2));
        }
        return best;
    }
}

function masked(value: string, i: number): string {
    return value.slice(0, i) + '\u0000' + value.slice(i + 1);
}
