/**
 * The values `cpom init` needs, read from the text the user typed (an option or an answer to a prompt) and checked
 * before anything is written: a bad value is a UsageError in both languages that says what was expected, and for a
 * FINESS number with a wrong key, which key is right.
 */
import {
    type CalendarDate, compareDates, endOfTerm, ESMS_CATEGORIES, type EsmsCategory, findCategory, findCategoryByCode,
    findDepartment, finessDepartment, finessKey, FORBIDDEN_FINESS_PREFIXES, hasValidFinessKey, isWellFormedFiness,
    type LegalFrameKey, normaliseFiness, parseIsoDate, toIsoDate,
} from '@cpom/language';
import { UsageError } from './errors.js';

/** The legal frames of the grammar (`LegalFrame`), as the user writes them. */
export const FRAMES = ['L313-11', 'L313-11-1', 'L313-11-2', 'L313-12-IVter', 'L313-12-2'] as const satisfies readonly LegalFrameKey[];
// Fails to compile when the language gains a frame that is not listed above.
const everyFrameListed: LegalFrameKey extends typeof FRAMES[number] ? true : never = true;
void everyFrameListed;

/** Longest term of a CPOM (CASF L.313-11: five years at most). */
export const MAX_TERM_YEARS = 5;

export interface EstablishmentValue {
    /** Canonical FINESS number (no spaces, upper case). */
    readonly finess: string;
    readonly category?: EsmsCategory;
    readonly capacity?: number;
    /** The INSEE code of its département, from the FINESS number. */
    readonly department: string;
}

export function parseFrame(text: string): LegalFrameKey {
    const typed = text.trim();
    const frame = FRAMES.find(f => f.toLowerCase() === typed.toLowerCase().replace(/^l\.?\s*/i, 'l'));
    if (!frame) {
        throw new UsageError({
            fr: `cadre inconnu « ${typed} » : attendu l'un de ${FRAMES.join(', ')}`,
            en: `unknown frame '${typed}': expected one of ${FRAMES.join(', ')}`,
        });
    }
    return frame;
}

export function parseDate(text: string, what: { fr: string; en: string }): CalendarDate {
    const date = parseIsoDate(text.trim());
    if (!date) {
        throw new UsageError({
            fr: `${what.fr} « ${text.trim()} » : une date AAAA-MM-JJ qui existe est attendue (par exemple 2027-01-01)`,
            en: `${what.en} '${text.trim()}': expected an existing date YYYY-MM-DD (for example 2027-01-01)`,
        });
    }
    return date;
}

/** The end of the contract: the one given, checked against the effect date and the five-year term, or the longest term. */
export function contractEnd(effet: CalendarDate, fin: CalendarDate | undefined): CalendarDate {
    const longest = endOfTerm(effet, MAX_TERM_YEARS);
    if (!fin) return longest;
    if (compareDates(fin, effet) <= 0) {
        throw new UsageError({
            fr: `la date de fin (${toIsoDate(fin)}) doit suivre la date d'effet (${toIsoDate(effet)})`,
            en: `the end date (${toIsoDate(fin)}) must come after the effect date (${toIsoDate(effet)})`,
        });
    }
    if (compareDates(fin, longest) > 0) {
        throw new UsageError({
            fr: `la date de fin (${toIsoDate(fin)}) dépasse la durée maximale de cinq ans (au plus tard ${toIsoDate(longest)})`,
            en: `the end date (${toIsoDate(fin)}) exceeds the five-year maximum (${toIsoDate(longest)} at the latest)`,
        });
    }
    return fin;
}

/**
 * A FINESS number in canonical form. Refused: a wrong form, a prefix that designates no département, a wrong key
 * (with the number carrying the right key: a typo in the key is the usual mistake).
 */
export function parseFiness(text: string, what: { fr: string; en: string }): string {
    const value = normaliseFiness(text.trim()).value;
    if (!isWellFormedFiness(value)) {
        throw new UsageError({
            fr: `${what.fr} « ${text.trim()} » : un numéro FINESS a 9 caractères (2 pour le département, 2A ou 2B en Corse, puis 7 chiffres)`,
            en: `${what.en} '${text.trim()}': a FINESS number has 9 characters (2 for the département, 2A or 2B in Corsica, then 7 digits)`,
        });
    }
    if (!hasValidFinessKey(value)) {
        const right = value.slice(0, 8) + String(finessKey(value.slice(0, 8)));
        throw new UsageError({
            fr: `${what.fr} « ${value} » : la clé de contrôle est fausse ; vouliez-vous dire ${right} ?`,
            en: `${what.en} '${value}': the check key is wrong; did you mean ${right}?`,
        });
    }
    const department = finessDepartment(value);
    if ((FORBIDDEN_FINESS_PREFIXES as readonly string[]).includes(value.slice(0, 2)) || !findDepartment(department)) {
        throw new UsageError({
            fr: `${what.fr} « ${value} » : le préfixe ${value.slice(0, 2)} ne désigne aucun département`,
            en: `${what.en} '${value}': the prefix ${value.slice(0, 2)} designates no département`,
        });
    }
    return value;
}

/** A category by its name (`ESAT`) or its FINESS code (`246`), from the closed list. */
export function parseCategory(text: string): EsmsCategory {
    const typed = text.trim();
    const category = /^\d+$/.test(typed) ? findCategoryByCode(Number(typed)) : findCategory(typed);
    if (!category) {
        const keys = ESMS_CATEGORIES.map(c => c.key).join(', ');
        throw new UsageError({
            fr: `catégorie inconnue « ${typed} » : attendu un nom (${keys}) ou un code de catégorie FINESS`,
            en: `unknown category '${typed}': expected a name (${keys}) or a FINESS category code`,
        });
    }
    return category;
}

export function parseCapacity(text: string): number {
    const typed = text.trim();
    if (!/^\d{1,6}$/.test(typed)) {
        throw new UsageError({
            fr: `capacité « ${typed} » : un nombre entier de places est attendu`,
            en: `capacity '${typed}': expected a whole number of places`,
        });
    }
    return Number(typed);
}

/** `FINESS[:CATEGORY[:CAPACITY]]`, the value of `--etablissement`. */
export function parseEstablishment(text: string): EstablishmentValue {
    const [finessText, categoryText, capacityText, ...rest] = text.split(':');
    if (rest.length > 0) {
        throw new UsageError({
            fr: `établissement « ${text} » : attendu FINESS[:CATÉGORIE[:CAPACITÉ]] (par exemple 690999016:ESAT:120)`,
            en: `establishment '${text}': expected FINESS[:CATEGORY[:CAPACITY]] (for example 690999016:ESAT:120)`,
        });
    }
    const finess = parseFiness(finessText, { fr: 'FINESS d\'établissement', en: 'establishment FINESS' });
    return {
        finess,
        category: categoryText?.trim() ? parseCategory(categoryText) : undefined,
        capacity: capacityText?.trim() ? parseCapacity(capacityText) : undefined,
        department: finessDepartment(finess),
    };
}

/** The category a frame implies when it concerns one category only (IV ter: EHPAD; L.313-11-1: SAAD; L.313-11-2: CHRS). */
export function frameCategory(frame: LegalFrameKey): EsmsCategory | undefined {
    const only: Partial<Record<LegalFrameKey, string>> = { 'L313-12-IVter': 'EHPAD', 'L313-11-1': 'SAAD', 'L313-11-2': 'CHRS' };
    const key = only[frame];
    return key ? findCategory(key) : undefined;
}

/** An identifier for the contract, `CPOM_ASSOCIATION_X_2027`, from the gestionnaire's name and the first year. */
export function defaultContractName(gestionnaire: string, year: number): string {
    const words = gestionnaire.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().match(/[A-Z0-9]+/g) ?? [];
    return `CPOM_${[...words.slice(0, 4), String(year)].join('_')}`;
}

export function parseContractName(text: string): string {
    const typed = text.trim();
    if (!/^[_a-zA-Z\u00C0-\u024F][\w\u00C0-\u024F]*$/.test(typed)) {
        throw new UsageError({
            fr: `nom de contrat « ${typed} » : un identifiant est attendu (lettres, chiffres et _, sans espace, commençant par une lettre)`,
            en: `contract name '${typed}': expected an identifier (letters, digits and _, no space, starting with a letter)`,
        });
    }
    return typed;
}

export function parseGestionnaireName(text: string): string {
    const typed = text.trim();
    if (!typed) {
        throw new UsageError({ fr: 'le nom du gestionnaire est vide', en: 'the name of the gestionnaire is empty' });
    }
    if ([...typed].some(char => char.charCodeAt(0) < 0x20 || (char.charCodeAt(0) >= 0x7f && char.charCodeAt(0) <= 0x9f))) {
        throw new UsageError({ fr: 'le nom du gestionnaire contient un caractère de contrôle', en: 'the name of the gestionnaire contains a control character' });
    }
    return typed;
}
