/** The JSON of the follow-up clauses of a contract (docs/json-export.md): committees, dialogues, reviews, transmissions. */
import { ast, monthNumber, suiviItems } from '@cpom/language';
import type { FollowUpJson, TransmissionJson } from './cpom-json.js';
import { defined, readNumber, refIds } from './model.js';

export function followUpJson(contract: ast.Contrat): FollowUpJson {
    const items = suiviItems(contract);
    return {
        committees: items.filter(ast.isComite).map(c => defined({
            members: refIds(c.members),
            meetingFrequency: c.frequency,
        })),
        managementDialogues: items.filter(ast.isDialogueDeGestion).map(d => ({ frequency: d.frequency })),
        reviews: items.filter(ast.isRevue).flatMap(r => {
            const year = readNumber(r.year);
            return year !== undefined ? [{ kind: r.kind, year }] : [];
        }),
        gmpPmpEvaluations: items.filter(ast.isEvaluationGmpPmp).flatMap(e => {
            const year = readNumber(e.year);
            return year !== undefined ? [{ year }] : [];
        }),
        transmissions: items.filter(ast.isTransmission).flatMap(transmissionJson),
    };
}

function transmissionJson(t: ast.Transmission): TransmissionJson[] {
    const day = readNumber(t.day);
    const month = monthNumber(t.month);
    if (day === undefined || month === undefined) return [];
    // `rapport_activite` and `rapport_d_activite` are two spellings of the same document.
    const document = t.document === 'rapport_d_activite' ? 'rapport_activite' : t.document;
    return [{ document, day, month }];
}
