/**
 * How the diff and the avenant name what a contract writes of its own: a visa by its kind and designation, a clause
 * of Titre 2 by its label, a département an authority covers.
 */
import { keywordLabel } from '@cpom/language';
import type { ClauseField } from '../change-path.js';
import { date, quote, shown, type JsonObject } from './values.js';

/** The keyword of each clause field of the JSON export, for its label. */
const CLAUSE_KEYWORDS: Readonly<Record<ClauseField, string>> = {
    affectationDesResultats: 'affectation_des_resultats', nonRespect: 'non_respect', resiliation: 'resiliation',
    conventionsTripartites: 'conventions_tripartites', litiges: 'litiges', juridiction: 'juridiction', revision: 'revision',
};

export function isClauseField(value: string): value is ClauseField {
    return Object.hasOwn(CLAUSE_KEYWORDS, value);
}

/** "résiliation". */
export function clauseLabel(field: ClauseField): string {
    return keywordLabel('ClauseKind', CLAUSE_KEYWORDS[field]) ?? field;
}

/** "clause « résiliation »". */
export function clauseName(field: ClauseField): string {
    return `clause ${quote(clauseLabel(field))}`;
}

/** "visa (projet régional de santé) « Rhône-Alpes 2012-2017 » du 1er mars 2012". */
export function visaName(visa: JsonObject | undefined): string {
    const kind = keywordLabel('VisaKind', typeof visa?.kind === 'string' ? visa.kind : undefined) ?? shown(visa?.kind);
    const text = typeof visa?.text === 'string' ? ` ${quote(visa.text)}` : '';
    const when = visa?.date !== undefined ? ` du ${date(visa.date)}` : '';
    return `visa (${kind})${text}${when}`;
}
