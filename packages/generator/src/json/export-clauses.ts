/** The JSON of the contract's own visas and of the clauses of Titre 2 the parties wrote (format 2, docs/json-export.md). */
import { ast, type ClauseKindKey, visasOf, writtenClauses } from '@cpom/language';
import type { ClausesJson, VisaJson } from './cpom-json.js';
import { defined, idOf } from './model.js';

const CLAUSE_FIELDS: Readonly<Record<ClauseKindKey, keyof ClausesJson>> = {
    affectation_des_resultats: 'affectationDesResultats', non_respect: 'nonRespect', resiliation: 'resiliation',
    conventions_tripartites: 'conventionsTripartites', litiges: 'litiges', juridiction: 'juridiction', revision: 'revision',
};

/** The visas, in the order written; undefined when the contract writes none (the field is then left out). */
export function visasJson(contract: ast.Contrat): VisaJson[] | undefined {
    const visas = visasOf(contract).filter(v => v.kind !== undefined);
    if (visas.length === 0) return undefined;
    return visas.map(v => defined<VisaJson>({
        kind: v.kind!,
        text: v.text,
        date: v.date,
        establishments: v.establishments.length > 0 ? v.establishments.map(idOf) : undefined,
    }));
}

/** The clauses written, by kind (the first of each kind); undefined when none is. */
export function clausesJson(contract: ast.Contrat): ClausesJson | undefined {
    const written = writtenClauses(contract);
    if (written.size === 0) return undefined;
    const json: ClausesJson = {};
    for (const [kind, clause] of written) {
        if (clause.text !== undefined) json[CLAUSE_FIELDS[kind]] = clause.text;
    }
    return json;
}
