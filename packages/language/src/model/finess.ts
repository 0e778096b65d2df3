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
    const diff = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
