/** The JSON of the contract's own visas and of the clauses of Titre 2 the parties wrote (format 2, docs/json-export.md). */
import { ast, type ClauseKindKey, clauseKindKey, clausesOf, plain, visasOf, writtenClauses } from '@cpom/language';
import type { ClausesJson, VisaJson } from './cpom-json.js';
import { defined, idOf } from './model.js';

const CLAUSE_FIELDS: Readonly<Record<ClauseKindKey, keyof ClausesJson>> = {
    affectation_des_resultats: 'affectationDesResultats', non_respect: 'nonRespect', resiliation: 'resiliation',
    conventions_tripartites: 'conventionsTripartites', litiges: 'litiges', juridiction: 'juridiction', revision: 'revision',
};

/** The visas, in the order written; undefined when the contract (or the avenant) writes none (the field is then left out). */
export function visasJson(contract: ast.Contrat | ast.Avenant): VisaJson[] | undefined {
    const visas = visasOf(contract).filter(v => v.kind !== undefined);
    if (visas.length === 0) return undefined;
    return visas.map(v => defined<VisaJson>({
        kind: v.kind!,
        text: v.text,
        date: v.date,
        establishments: v.establishments.length > 0 ? v.establishments.map(idOf) : undefined,
    }));
}

/** The visas an avenant withdraws, as it names them; undefined when it withdraws none. */
export function withdrawnVisasJson(avenant: ast.Avenant): VisaJson[] | undefined {
    const withdrawals = clausesOf(avenant, ast.isRetraitVisa).filter(w => w.kind !== undefined);
    if (withdrawals.length === 0) return undefined;
    return withdrawals.map(w => defined<VisaJson>({ kind: plain(w.kind) as VisaJson['kind'], text: w.text, date: w.date }));
}

/** The clauses an avenant gives back their default wording, by field; undefined when none. */
export function withdrawnClausesJson(avenant: ast.Avenant): Array<keyof ClausesJson> | undefined {
    const fields = clausesOf(avenant, ast.isRetraitClause).map(w => clauseKindKey(w.kind)).filter((k): k is ClauseKindKey => k !== undefined).map(k => CLAUSE_FIELDS[k]);
    return fields.length > 0 ? [...new Set(fields)] : undefined;
}

/** The clauses written, by kind (the first of each kind); undefined when none is. */
export function clausesJson(contract: ast.Contrat | ast.Avenant): ClausesJson | undefined {
    const written = writtenClauses(contract);
    if (written.size === 0) return undefined;
    const json: ClausesJson = {};
    for (const [kind, clause] of written) {
        if (clause.text !== undefined) json[CLAUSE_FIELDS[kind]] = clause.text;
    }
    return json;
}
