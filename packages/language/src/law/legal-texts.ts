/**
 * The registry of legal texts by date: which version of a text was in force on a day, and whether a legal frame of the
 * grammar (`cadre L313-12-IVter`) existed on a contract's date d'effet. Rules read this instead of assuming today's law.
 */
import { CASF_LEGISLATIVE } from './texts-casf-legislative.js';
import { CASF_REGULATORY } from './texts-casf-regulatory.js';
import { OTHER_TEXTS } from './texts-other.js';
import type { ISODate, LawConfidence, LegalText, LegalTextVersion } from './types.js';

/** Every text the catalogue cites and DOMAIN.md §8 names, by id. */
export const LAW_TEXTS: readonly LegalText[] = [...CASF_LEGISLATIVE, ...CASF_REGULATORY, ...OTHER_TEXTS];

const BY_ID = new Map<string, LegalText>(LAW_TEXTS.map(text => [text.id, text]));

export function legalText(id: string): LegalText | undefined {
    return BY_ID.get(id);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (2023-02-29 is not one). */
export function isIsoDate(text: string): text is ISODate {
    const match = ISO_DATE.exec(text);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function covers(version: LegalTextVersion, date: string): boolean {
    return version.from <= date && (version.to === undefined || date <= version.to);
}

/** The version of a text in force on `date`, or undefined (unknown text, invalid date, or not in force that day). */
export function textInForce(id: string, date: string): LegalTextVersion | undefined {
    if (!isIsoDate(date)) return undefined;
    return BY_ID.get(id)?.versions.find(version => covers(version, date));
}

/**
 * What the registry knows of a text on a day. `unknown` is not "not in force": the earliest version is only attested
 * from a later day, so nothing may be concluded (no error the law does not support).
 */
export type TextStatus =
    | { readonly status: 'in-force'; readonly version: LegalTextVersion }
    | { readonly status: 'not-yet'; readonly inForceFrom: ISODate; readonly confidence: LawConfidence; readonly version: LegalTextVersion }
    | { readonly status: 'repealed'; readonly until: ISODate; readonly confidence: LawConfidence }
    | { readonly status: 'unknown'; readonly attestedFrom?: ISODate };

export function textStatusAt(id: string, date: string): TextStatus {
    const text = BY_ID.get(id);
    return text ? statusOfText(text, date) : { status: 'unknown' };
}

/** The status of any text (registry or not) on `date`; `textStatusAt` looks the text up by id. */
export function statusOfText(text: LegalText, date: string): TextStatus {
    if (!isIsoDate(date) || text.versions.length === 0) return { status: 'unknown' };
    const version = text.versions.find(candidate => covers(candidate, date));
    if (version) return { status: 'in-force', version };
    const first = text.versions[0];
    if (date < first.from) {
        return first.start === 'exact'
            ? { status: 'not-yet', inForceFrom: first.from, confidence: first.confidence, version: first }
            : { status: 'unknown', attestedFrom: first.from };
    }
    const last = text.versions[text.versions.length - 1];
    if (last.to !== undefined && date > last.to) return { status: 'repealed', until: last.to, confidence: last.confidence };
    // A gap between two versions: the registry does not know what applied.
    return { status: 'unknown' };
}

/** The legal frames of the grammar (`LegalFrame` in grammar/cpom.langium), spelled as the user writes them. */
export const LEGAL_FRAMES = ['L313-11', 'L313-11-1', 'L313-11-2', 'L313-12-IVter', 'L313-12-2'] as const;
export type LegalFrameName = typeof LEGAL_FRAMES[number];

/** The registry text that founds each frame. */
export const FRAME_TEXTS: Readonly<Record<LegalFrameName, string>> = {
    'L313-11': 'CASF:L313-11',
    'L313-11-1': 'CASF:L313-11-1',
    'L313-11-2': 'CASF:L313-11-2',
    'L313-12-IVter': 'CASF:L313-12-IVter',
    'L313-12-2': 'CASF:L313-12-2',
};

export function isLegalFrame(name: string): name is LegalFrameName {
    return (LEGAL_FRAMES as readonly string[]).includes(name);
}

/**
 * Whether a contract could be concluded under a frame on `date`: `available` with the version in force, `not-yet`
 * with the day the frame came into force (and how sure that day is), or `unknown`.
 */
export type FrameAvailability =
    | { readonly status: 'available'; readonly textId: string; readonly version: LegalTextVersion }
    | { readonly status: 'not-yet'; readonly textId: string; readonly inForceFrom: ISODate; readonly confidence: LawConfidence; readonly version: LegalTextVersion }
    | { readonly status: 'repealed'; readonly textId: string; readonly until: ISODate; readonly confidence: LawConfidence }
    | { readonly status: 'unknown'; readonly textId: string; readonly attestedFrom?: ISODate };

export function frameAvailableAt(frame: LegalFrameName, date: string): FrameAvailability {
    const textId = FRAME_TEXTS[frame];
    const status = textStatusAt(textId, date);
    switch (status.status) {
        case 'in-force': return { status: 'available', textId, version: status.version };
        case 'not-yet': return { status: 'not-yet', textId, inForceFrom: status.inForceFrom, confidence: status.confidence, version: status.version };
        case 'repealed': return { status: 'repealed', textId, until: status.until, confidence: status.confidence };
        case 'unknown': return { status: 'unknown', textId, attestedFrom: status.attestedFrom };
    }
}
