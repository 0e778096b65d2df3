/**
 * Citations of the catalogue that no stored copy supports, with why: a rule must not rest on them alone. The texts each
 * rule cites are the `texts` of its catalogue entry (validation/rules/*.rules.ts).
 */
export const UNSOURCED_CITATIONS: Readonly<Record<string, string>> = {
    // ARRETE:2015-03-04 (the "Etalab annex" of DOMAIN.md §2.1) left the list when CPOM044 stopped citing it (2026-12-02):
    // no stored copy was found, and a public test file pairs ET 2A0000154 with EJ 2A0000204.
    'ARRETE:2017-09-04': 'EHPAD occupancy thresholds (95 % from 2024, a path from 2018): read only in secondary sources '
        + '(directions.fr, geroscopie.fr); the arrêté itself was not read. CPOM124 cites it and stays an info.',
};
