/**
 * The law as it stood on one day: what the rules read instead of today's texts. `lawAt(date)` answers about texts
 * and legal frames on that day; `severityFor` turns the confidence of what the registry knows into the strongest
 * severity a rule may report on it (no error the law does not support).
 */
import { frameAvailableAt, type FrameAvailability, type LegalFrameName, textInForce, textStatusAt, type TextStatus } from './legal-texts.js';
import type { ISODate, LawConfidence, LegalTextVersion } from './types.js';

export interface LawView {
    /** The day the law is read at. */
    readonly date: ISODate;
    status(textId: string): TextStatus;
    inForce(textId: string): LegalTextVersion | undefined;
    frame(frame: LegalFrameName): FrameAvailability;
}

export function lawAt(date: ISODate): LawView {
    return {
        date,
        status: id => textStatusAt(id, date),
        inForce: id => textInForce(id, date),
        frame: frame => frameAvailableAt(frame, date),
    };
}

/** Only a fact read in the text itself (V), or computed and cross-checked (C), supports an error. */
export function supportsError(confidence: LawConfidence): boolean {
    return confidence === 'V' || confidence === 'C';
}
