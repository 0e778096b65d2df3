/**
 * The legal texts each catalogue rule cites, as registry ids. The catalogue has only a free-text `source`; this table
 * is the typed form the next step moves into the catalogue (tests/law.test.ts checks it against the `source` lines).
 * Rules citing no legal text (grammar, ISO 8601, FINESS referential, project proposals) are absent.
 */

export const CATALOGUE_SOURCES: Readonly<Record<string, readonly string[]>> = {
    CPOM005: ['CASF:L313-11', 'ARRETE:2017-03-03'],
    CPOM010: ['CASF:L313-11'],
    CPOM011: ['CASF:L313-11'],
    CPOM012: ['CASF:L313-11', 'ARRETE:2017-03-03'],
    CPOM013: ['ARRETE:2017-03-03', 'CASF:L313-12-IVter'],
    CPOM015: ['CASF:L313-11'],
    CPOM016: ['CASF:L313-11'],
    CPOM020: ['CASF:L313-11', 'ARRETE:2019-10-25', 'CASF:L313-11-2'],
    CPOM021: ['CASF:L313-11'],
    CPOM022: ['CASF:L313-11', 'CASF:L313-12-IVter'],
    CPOM023: ['CASF:L313-12-IVter', 'ARRETE:2017-03-03'],
    CPOM024: ['CASF:L313-12-IVter'],
    CPOM025: ['CIRCULAIRE:2007-03-26', 'CASF:L313-12-IVter'],
    CPOM026: ['CASF:R314-105', 'DECRET:2016-1814'],
    CPOM030: ['ARRETE:2017-03-03'],
    CPOM032: ['ARRETE:2017-03-03'],
    CPOM037: ['ARRETE:2019-10-25'],
    CPOM038: ['CASF:R314-43-2', 'CASF:L313-1'],
    CPOM044: ['ARRETE:2015-03-04'],
    CPOM050: ['ARRETE:2019-10-25', 'ARRETE:2017-03-03'],
    CPOM051: ['ARRETE:2019-10-25'],
    CPOM052: ['ARRETE:2019-10-25'],
    CPOM053: ['CASF:L313-11'],
    CPOM059: ['ARRETE:2017-03-03'],
    CPOM060: ['CASF:R314-40'],
    CPOM061: ['CASF:L313-11', 'CASF:R314-40'],
    CPOM062: ['CASF:R314-43-1'],
    CPOM063: ['CASF:R314-43-1'],
    CPOM064: ['CASF:R314-105', 'DECRET:2016-1814', 'CASF:R314-174'],
    CPOM065: ['CASF:L313-11'],
    CPOM066: ['CASF:R314-40', 'CASF:R314-43-1'],
    CPOM067: ['CASF:R314-43-2', 'CASF:L313-11-2'],
    CPOM068: ['CASF:R314-43-2'],
    CPOM069: ['CASF:R314-43-2'],
    CPOM070: ['CASF:R314-43-1'],
    CPOM071: ['CIRCULAIRE:AFSA1307280C'],
    CPOM080: ['ARRETE:2017-03-03'],
    CPOM081: ['ARRETE:2017-03-03'],
    CPOM082: ['ARRETE:2017-03-03'],
    CPOM083: ['ARRETE:2017-03-03'],
    CPOM084: ['CASF:R314-210', 'CASF:R314-232'],
    CPOM085: ['ARRETE:2017-03-03'],
    CPOM090: ['ARRETE:2019-10-25', 'CASF:L313-11'],
    CPOM091: ['ARRETE:2019-10-25'],
    CPOM092: ['ARRETE:2019-10-25'],
    CPOM094: ['CASF:L313-11'],
    CPOM095: ['ARRETE:2019-10-25'],
    CPOM096: ['ARRETE:2017-03-03'],
    CPOM097: ['CASF:L313-12-IVter', 'CASF:L313-12-2', 'CASF:L313-11-1', 'CASF:L313-11-2'],
};

/**
 * Citations of the catalogue that no stored copy supports, with why: the next step must re-source or drop them
 * rather than let a rule rest on them.
 */
export const UNSOURCED_CITATIONS: Readonly<Record<string, string>> = {
    'ARRETE:2015-03-04': "No stored copy of this arrêté or of its Etalab annex was found (DOMAIN.md §2.1 cites it). A public "
        + 'test file of another project pairs ET 2A0000154 with EJ 2A0000204, so the example CPOM044 rests on should be '
        + 'checked again.',
};
