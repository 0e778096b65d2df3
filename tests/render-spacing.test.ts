/**
 * The one-pass text passes of the renderers (French spacing, Markdown's line joining) give what the regular
 * expressions they replace gave (kept here as the reference, on short texts where they are fast).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../packages/generator/src/render/common.js';
import { escapeMarkdown } from '../packages/generator/src/render/markdown.js';

const BEFORE_NBSP = new Set([':', ';', '!', '?', '»']);

function frenchSpacingByRegex(value: string): string {
    return value
        .replace(/[ \t]+/g, (run, offset: number, whole: string) => (BEFORE_NBSP.has(whole.charAt(offset + run.length)) ? '\u00A0' : run))
        .replace(/«[ \t]+/g, '«\u00A0')
        .replace(/\b([LRD]\.|n°) (?=\d)/g, '$1\u00A0');
}

const HTML_SPECIALS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeMarkdownByRegex(value: string): string {
    const line = value
        .replace(/\s+/g, run => (/[\r\n]/.test(run) ? ' ' : run))
        .replace(/[\\`*_[\]#|~$]/g, c => `\\${c}`)
        .replace(/[&<>]/g, c => HTML_SPECIALS[c]!);
    return line.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const piece = fc.constantFrom(' ', '\t', ':', ';', '!', '?', '«', '»', 'a', 'é', '\n', '\r', '\u00A0', '\u2028', '-', '1', '.', '*', '<', '&', 'L', 'R', 'n°');
const text = fc.array(piece, { maxLength: 40 }).map(pieces => pieces.join(''));

describe('the renderers\' one-pass text passes', () => {
    it('French spacing gives what the regular expressions gave', () => {
        fc.assert(fc.property(text, t => { expect(frenchSpacing(t)).toBe(frenchSpacingByRegex(t)); }), { numRuns: 5000 });
    });

    it('binds the article of a code and "n°" to their number, and only there', () => {
        expect(frenchSpacing('article L. 313-11, R. 314-40 ; fiche n° 3')).toBe('article L.\u00A0313-11, R.\u00A0314-40\u00A0; fiche n°\u00A03');
        expect(frenchSpacing('AL. 3, L. trois, n° x')).toBe('AL. 3, L. trois, n° x');
    });

    it('Markdown escaping gives what the regular expressions gave', () => {
        fc.assert(fc.property(text, t => { expect(escapeMarkdown(t)).toBe(escapeMarkdownByRegex(t)); }), { numRuns: 5000 });
    });
});
