/**
 * The visas a contract writes of its own (`visas { … }`): projet régional de santé, schémas régional and
 * départemental, arrêtés d'autorisation, délibération, other acts. Printed after the legal visas, as signed contracts
 * cite the code and the texts first, then the planning documents and the acts of the parties. Pure: no I/O.
 */
import { ast, joinFr, quote, visasOf, type VisaView } from '@cpom/language';
import { frenchDate } from './french.js';
import { MISSING, orMissing } from './missing.js';

/** The contract's own visas, one sentence each ("Vu … ;"), in the order written. */
export function ownVisas(contract: ast.Contrat): string[] {
    return visasOf(contract).map(visaWording).filter((s): s is string => s !== undefined);
}

/** A visa as the documents word it: its kind (keyword without accents), text, date and the establishments' names. */
export interface VisaWords {
    readonly kind?: string;
    readonly text?: string;
    readonly date?: string;
    readonly establishments: readonly string[];
}

function visaWording(visa: VisaView): string | undefined {
    return visaSentence({ ...visa, establishments: visa.establishments.map(e => orMissing(e.title, MISSING.name)) });
}

/** "Vu le projet régional de santé …, arrêté le … ;": the document's sentence, read by the avenant drafter too. */
export function visaSentence(visa: VisaWords): string | undefined {
    const text = visa.text?.trim() ? ` ${visa.text.trim()}` : '';
    switch (visa.kind) {
        case 'prs': return `Vu le projet régional de santé${text}${visa.date ? `, arrêté le ${frenchDate(visa.date)}` : ''} ;`;
        case 'schema_regional': return `Vu le schéma régional de santé${text}${visa.date ? `, arrêté le ${frenchDate(visa.date)}` : ''} ;`;
        case 'schema_departemental': return `Vu le schéma départemental${text}${visa.date ? `, adopté le ${frenchDate(visa.date)}` : ''} ;`;
        case 'autorisation': return `Vu l'arrêté${text}${dated(visa)}${authorised(visa)} ;`;
        case 'deliberation': return text
            ? `Vu la délibération${text}${dated(visa)} ;`
            : `Vu la délibération du conseil d'administration de l'organisme gestionnaire${dated(visa)} autorisant la signature du présent contrat ;`;
        case 'autre': return visa.text?.trim() ? `Vu ${freeVisa(visa.text)}${dated(visa)} ;` : undefined;
        default: return undefined;
    }
}

/** A visa's sentence without its final " ;", to quote it in a sentence of its own. */
export function withoutSemicolon(sentence: string): string {
    return sentence.endsWith(';') ? sentence.slice(0, -1).trimEnd() : sentence;
}

function dated(visa: VisaWords): string {
    return visa.date ? ` du ${frenchDate(visa.date)}` : '';
}

/** "portant autorisation de l'établissement « … »": the establishments named (as the document names them). */
function authorised(visa: VisaWords): string {
    const names = visa.establishments.map(quote);
    if (names.length === 0) return '';
    return ` portant autorisation ${names.length > 1 ? 'des établissements' : 'de l\'établissement'} ${joinFr(names)}`;
}

/** A free visa as written, without the "Vu" and the final punctuation the document adds. */
function freeVisa(text: string): string {
    let visa = text.trim().replace(/^vu\s+/i, '');
    while (visa.endsWith(';') || visa.endsWith('.')) visa = visa.slice(0, -1).trimEnd();
    return visa;
}
