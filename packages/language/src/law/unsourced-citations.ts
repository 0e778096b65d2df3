/**
 * Citations of the catalogue that no stored copy supports, with why: a rule must not rest on them alone. The texts each
 * rule cites are the `texts` of its catalogue entry (validation/rules/*.rules.ts).
 */
export const UNSOURCED_CITATIONS: Readonly<Record<string, string>> = {
    'ARRETE:2015-03-04': "No stored copy of this arrêté or of its Etalab annex was found (DOMAIN.md §2.1 cites it). A public "
        + 'test file of another project pairs ET 2A0000154 with EJ 2A0000204, so the example CPOM044 rests on should be '
        + 'checked again.',
};
