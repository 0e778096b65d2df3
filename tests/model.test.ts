/** Numbers as people type them, dates, and the five-year term. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { endOfTerm, formatEuros, parseCents, parseIsoDate, parseNumber, toIsoDate } from '@cpom/language';

describe('numbers', () => {
    it('reads French amounts with any kind of thousands space', () => {
        expect(parseCents('4 150 000')).toBe(415_000_000);
        expect(parseCents('4\u00A0150\u00A0000')).toBe(415_000_000);
        expect(parseCents('4\u202F150\u202F000')).toBe(415_000_000);
        expect(parseCents('68,50')).toBe(6850);
        expect(parseCents('68.5')).toBe(6850);
        expect(parseCents('1,234')).toBeUndefined();
        expect(parseNumber('95,5')).toBe(95.5);
    });

    it('formats amounts back the French way, to the cent', () => {
        expect(formatEuros(415_000_000)).toBe('4\u202F150\u202F000\u202F€');
        expect(formatEuros(6850)).toBe('68,50\u202F€');
        expect(formatEuros(-5)).toBe('−0,05\u202F€');
    });

    it('round-trips any amount in cents', () => {
        fc.assert(fc.property(fc.integer({ min: 0, max: 1e13 }), cents => {
            const text = formatEuros(cents).replace(/\u202F€$/, '');
            expect(parseCents(text)).toBe(cents);
        }));
    });
});

describe('dates', () => {
    it('refuses impossible dates', () => {
        expect(parseIsoDate('2013-02-30')).toBeUndefined();
        expect(parseIsoDate('2013-13-01')).toBeUndefined();
        expect(parseIsoDate('2016-02-29')).toEqual({ year: 2016, month: 2, day: 29 });
        expect(parseIsoDate('2015-02-29')).toBeUndefined();
    });

    it('ends a five-year term the day before the fifth anniversary', () => {
        expect(toIsoDate(endOfTerm(parseIsoDate('2013-01-01')!, 5))).toBe('2017-12-31');
        expect(toIsoDate(endOfTerm(parseIsoDate('2017-07-01')!, 5))).toBe('2022-06-30');
        expect(toIsoDate(endOfTerm(parseIsoDate('2016-02-29')!, 5))).toBe('2021-02-28');
        expect(toIsoDate(endOfTerm(parseIsoDate('2016-02-29')!, 4))).toBe('2020-02-28');
    });
});

describe('texts', () => {
    it('keep their backslashes: only \\" and \\\\ are escapes, typographic quotes have none', async () => {
        const { convertCpomString } = await import('@cpom/language');
        expect(convertCpomString('"C:\\dossier\\notes"')).toBe('C:\\dossier\\notes');
        expect(convertCpomString('"il dit \\"oui\\" \\\\ fin"')).toBe('il dit "oui" \\ fin');
        expect(convertCpomString('“C:\\dossier\\notes”')).toBe('C:\\dossier\\notes');
    });
});
