/** The FINESS key algorithm (DOMAIN.md §2.2) against real numbers, and its edge cases. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FinessLookalikes, finessDepartment, finessKey, hasValidFinessKey, isFinessLookalike, isWellFormedFiness, normaliseFiness } from '@cpom/language';
import { ROOT } from './helpers.js';

// 150 real FINESS numbers (public register), copied from the project's shared material: the test needs nothing outside the repository.
const SAMPLE = path.resolve(ROOT, 'tests/fixtures/finess-sample.txt');
const sample = readFileSync(SAMPLE, 'utf8').split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#'));

describe('FINESS key', () => {
    it('accepts every real number of the sample', () => {
        expect(sample.length).toBeGreaterThanOrEqual(150);
        const rejected = sample.filter(n => !isWellFormedFiness(n) || !hasValidFinessKey(n));
        expect(rejected).toEqual([]);
    });

    it('matches the worked examples of the domain primer, Corsica and overseas included', () => {
        expect(finessKey('01000002')).toBe(4);
        expect(finessKey('2A000015')).toBe(4);
        expect(finessKey('2B000534')).toBe(2);
        expect(finessKey('97040002')).toBe(4);
    });

    it('rejects every other key of a valid number (a one-digit typing error is always caught)', () => {
        for (const n of sample.slice(0, 40)) {
            for (let k = 0; k < 10; k++) {
                const other = n.slice(0, 8) + k;
                expect(hasValidFinessKey(other)).toBe(other === n);
            }
        }
    });

    it('catches any single changed digit of the body', () => {
        fc.assert(fc.property(fc.constantFrom(...sample), fc.integer({ min: 2, max: 7 }), fc.integer({ min: 1, max: 9 }), (n, position, delta) => {
            const digit = (Number(n[position]) + delta) % 10;
            const changed = n.slice(0, position) + digit + n.slice(position + 1);
            expect(hasValidFinessKey(changed)).toBe(false);
        }));
    });

    it('completes any 8-character body into a valid number', () => {
        fc.assert(fc.property(fc.constantFrom('01', '69', '2A', '2B', '97'), fc.stringMatching(/^\d{6}$/), (dep, rest) => {
            const body = dep + rest;
            expect(hasValidFinessKey(body + finessKey(body))).toBe(true);
        }));
    });
});

describe('FINESS form', () => {
    it('normalises spaces and case, and says so', () => {
        expect(normaliseFiness('69 099 901 6')).toEqual({ value: '690999016', changed: true });
        expect(normaliseFiness('2a0000154')).toEqual({ value: '2A0000154', changed: true });
        expect(normaliseFiness('690999016')).toEqual({ value: '690999016', changed: false });
    });

    it('knows the well-formed numbers', () => {
        expect(isWellFormedFiness('2A0000154')).toBe(true);
        expect(isWellFormedFiness('2C0000154')).toBe(false);
        expect(isWellFormedFiness('69099901')).toBe(false);
        expect(isWellFormedFiness('6909990160')).toBe(false);
    });

    it('reads the département, overseas included', () => {
        expect(finessDepartment('690999016')).toBe('69');
        expect(finessDepartment('2A0000154')).toBe('2A');
        expect(finessDepartment('970400024')).toBe('974');
        expect(finessDepartment('980500000')).toBe('976');
    });
});

describe('FINESS lookalikes (CPOM045)', () => {
    it.each([
        ['690999016', '690999061', true],   // last two digits swapped
        ['690999016', '690999017', true],   // one character
        ['690999016', '690999016', false],  // the same number is a duplicate (CPOM031)
        ['690999016', '260999016', false],  // two characters, not a swap
        ['690999016', '609999016', true],   // first two swapped
        ['690999016', '690991096', false],  // a swap of non-neighbours
    ] as const)('%s and %s: %s', (a, b, expected) => {
        expect(isFinessLookalike(a, b)).toBe(expected);
    });

    it('finds, for each number, the first one added that looks like it, as a comparison with each would', () => {
        // Numbers over a small alphabet, so that lookalikes (one character, a swap) are frequent.
        let state = 7;
        const next = () => { state = (state * 1103515245 + 12345) % 2147483648; return state; };
        const numbers = Array.from({ length: 400 }, () => Array.from({ length: 9 }, () => '09A'[next() % 3]).join(''));
        const index = new FinessLookalikes();
        const added: string[] = [];
        let found = 0;
        for (const number of numbers) {
            const expected = added.find(other => isFinessLookalike(number, other));
            expect(index.firstLike(number)).toBe(expected);
            if (expected) found++;
            index.add(number);
            if (!added.includes(number)) added.push(number);
        }
        expect(found).toBeGreaterThan(20);
    });
});
