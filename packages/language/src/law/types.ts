/**
 * Types of the law registry: legal texts with dated versions, and the sources they were read in.
 * Dates are ISO calendar dates (`YYYY-MM-DD`), compared as strings.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type ISODate = `${number}-${number}-${number}`;

/**
 * How sure we are of a fact (see ../shared/DOMAIN.md): V read in the text itself, S read in a secondary source
 * (press, federation, law firm, encyclopaedia), C computed and cross-checked, G a proposal or inference.
 */
export type LawConfidence = 'V' | 'S' | 'C' | 'G';

/**
 * Where a fact was read: an http(s) address, or `seed:NNN` (`seed:DOMAIN.md#2.2` for the domain primer) for a document of the project's seed corpus (the material
 * the project started from, kept with ../shared/DOMAIN.md) when no public copy was found. `retrieved` is the day the
 * stored copy was consulted.
 */
export interface SourceRef {
    readonly url: string;
    readonly retrieved: ISODate;
}

export interface Bilingual {
    readonly fr: string;
    readonly en: string;
}

/**
 * One version of a text: the wording in force from `from` (inclusive) to `to` (inclusive; open when absent).
 *
 * `start` says what `from` is. `exact`: the day this version came into force. `attested`: a day on which the text
 * is known to be in force; it may have started earlier, and before `from` nothing is known (not "not yet").
 */
export interface LegalTextVersion {
    readonly from: ISODate;
    readonly to?: ISODate;
    readonly start: 'exact' | 'attested';
    /** What the version says, in our own words. */
    readonly summary: Bilingual;
    /** A short verbatim French excerpt of the operative words, only when read in the text. */
    readonly quote?: string;
    /** Where the version applies when not everywhere: département codes (`69M` for the Métropole de Lyon). */
    readonly territories?: readonly string[];
    /** The text that created or last changed this version: "loi n° 2015-1776 du 28 décembre 2015, art. 58". */
    readonly enactedBy: string;
    readonly source: SourceRef;
    /** Confidence in the dates and the summary of this version. */
    readonly confidence: LawConfidence;
    /** What could not be verified, and why the confidence is what it is. */
    readonly note?: string;
    /**
     * A day before which this version cannot be in force whatever its exact start: the date of the text that enacted
     * it, read in that text's own title. Lets a rule be sure of "not yet" when `from` itself is only S.
     */
    readonly notBefore?: { readonly date: ISODate; readonly confidence: LawConfidence; readonly why: string };
}

export type LegalTextKind = 'code-article' | 'loi' | 'decret' | 'arrete' | 'circulaire' | 'referentiel';

/** The id of a registry text (`REF:` for a referential or a computation of the project, not a legal text): `CASF:L313-11`, `ARRETE:2017-03-03`, `LOI:2023-1250:79`, `CCIV:1193`… */
export type LegalTextId = `${'CASF' | 'ARRETE' | 'DECRET' | 'LOI' | 'CCIV' | 'CIRCULAIRE' | 'REF'}:${string}`;

export interface LegalText {
    /** Stable id, also the canonical key of a citation: `CASF:L313-11`, `ARRETE:2017-03-03`, `LOI:2023-1250:79`. */
    readonly id: LegalTextId;
    readonly kind: LegalTextKind;
    /** French title, as cited: « article L. 313-11 du code de l'action sociale et des familles ». */
    readonly title: string;
    /** Short English title. */
    readonly titleEn: string;
    /** Versions in chronological order; they never overlap. */
    readonly versions: readonly LegalTextVersion[];
}

/** The date stored copies were consulted for this registry. */
export const RETRIEVED: ISODate = '2026-12-02';

export function source(url: string): SourceRef {
    return { url, retrieved: RETRIEVED };
}
