/**
 * A contract and its avenants as a plain JSON object (format version 1, docs/json-export.md): what an authority's
 * information system reads. Pure: no I/O, no clock, no randomness — the same AST gives the same object, keys and
 * array items in the same order.
 *
 * Order: arrays follow the source (declarations, clauses, references as written), except the year-keyed series —
 * amounts, distributions, indicator targets — which are sorted by year (stable: a repeated year, an error, keeps
 * its source order). Authorities are listed where they first appear: declared in the contract or an avenant, or
 * first referred to there when they come from a catalogue; each appears once in the document.
 */
import { ast, avenantNumber, clausesOf, contractModel, establishmentView, firstClause, normalisedDepartment, partiesOf, periodOf } from '@cpom/language';
import {
    type AuthorityJson, type AvenantJson, type ContractJson, CPOM_JSON_FORMAT_VERSION, CPOM_JSON_SCHEMA_ID, type CpomJson,
    type LegalFrame,
} from './cpom-json.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.js';
import { defined, idOf, readNumber, refIds } from './model.js';
import { authoritiesOf, gestionnaireJson, signatoryJson } from './export-parties.js';
import { establishmentJson } from './export-perimeter.js';
import { axisJson, diagnosticJson } from './export-objectives.js';
import { fundingJson } from './export-funding.js';
import { followUpJson } from './export-follow-up-clauses.js';
import { modificationJson } from './export-modification.js';
import { clausesJson, visasJson, withdrawnClausesJson, withdrawnVisasJson } from './export-clauses.js';

/**
 * The JSON document of a contract. `avenants` are the contract's avenants (the workspace index gives them in
 * number order; they are sorted again by number, stably). The contract should be validated, its references
 * resolved: an unresolved reference is exported as written, and the export of a contract with errors may not
 * validate against the schema.
 */
export interface ExportOptions {
    /** The day of a consolidation: `contract` is the contract as amended that day (model/consolidation.ts). */
    readonly consolidatedAt?: string;
}

export function exportContract(contract: ast.Contrat, avenants: readonly ast.Avenant[], options: ExportOptions = {}): CpomJson {
    for (const avenant of avenants) {
        const amended = avenant.contract?.ref;
        // A consolidated contract is a copy of the contract: the same name.
        if (amended && amended !== contract && amended.name !== contract.name) {
            throw new Error(`avenant ${avenant.number} amends ${amended.name}, not ${contract.name}`);
        }
    }
    const ordered = [...avenants].sort((a, b) => numberOrder(a) - numberOrder(b));
    // Authorities already listed in the document: each one appears once, where it first appears.
    const listed = new Set<ast.Autorite>();
    const contractAuthorities = authoritiesOf(contract, listed);
    return {
        $schema: CPOM_JSON_SCHEMA_ID,
        formatVersion: CPOM_JSON_FORMAT_VERSION,
        generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
        contract: contractJson(contract, contractAuthorities, ordered.map(a => avenantJson(a, authoritiesOf(a, listed))), options.consolidatedAt),
    };
}

function numberOrder(avenant: ast.Avenant): number {
    const n = avenantNumber(avenant);
    return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

// ---------------------------------------------------------------------------------------------
// Contract

function contractJson(contract: ast.Contrat, authorities: AuthorityJson[], avenants: AvenantJson[], consolidatedAt?: string): ContractJson {
    const model = contractModel(contract);
    const { period, parties } = model;
    const diagnostic = firstClause(contract, ast.isDiagnostic);
    return defined<ContractJson>({
        id: contract.name,
        title: contract.title,
        legalFrames: clausesOf(contract, ast.isCadre).flatMap(c => c.frames as LegalFrame[]),
        engagement: defined({
            typeEngagement: 'CONV',
            sousTypeEngagement: 'CPM',
            identifiantEngagement: contract.name,
            nomEngagement: contract.title,
            dateEffetEngagement: period.effectDate,
            dateSignatureEngagement: period.signatureDate,
            dateFinEngagement: period.endDate,
            // The authorities that sign the contract, in the order of the signatures.
            autoriteRegulationEngagement: unique(parties.signingAuthorities.map(idOf)).map(authorityId => ({ authorityId })),
        }),
        prorogationEndDate: period.prorogationDate,
        prorogeableYears: readNumber(firstClause(contract, ast.isProrogeable)?.years),
        signaturePlace: firstClause(contract, ast.isLieuSignature)?.place,
        consolidatedAt,
        departments: clausesOf(contract, ast.isDepartements).flatMap(d => d.codes)
            .map(normalisedDepartment).filter((c): c is string => c !== undefined),
        preambule: firstClause(contract, ast.isPreambule)?.text,
        visas: visasJson(contract),
        clauses: clausesJson(contract),
        parties: defined({
            gestionnaire: parties.gestionnaire ? gestionnaireJson(parties.gestionnaire) : undefined,
            authorities,
            signatories: parties.signatories.map(signatoryJson),
        }),
        perimeter: { establishments: model.perimeter.map(establishmentJson) },
        diagnostic: diagnostic ? diagnosticJson(diagnostic) : undefined,
        axes: clausesOf(contract, ast.isAxe).map(axisJson),
        funding: fundingJson(contract),
        followUp: followUpJson(contract),
        avenants,
    });
}

function unique<T>(values: readonly T[]): T[] {
    return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// Avenants

function avenantJson(a: ast.Avenant, authorities: AuthorityJson[]): AvenantJson {
    const number = avenantNumber(a);
    const period = periodOf(a);
    return defined<AvenantJson>({
        // NaN only when the number is missing from a broken text: left out, and the schema reports it.
        number: Number.isFinite(number) ? number : undefined!,
        object: firstClause(a, ast.isObjet)?.text,
        effectDate: period.effectDate,
        signatureDate: period.signatureDate,
        prorogationEndDate: period.prorogationDate,
        endDate: firstClause(a, ast.isFin)?.date,
        signatories: partiesOf(a).signatories.map(signatoryJson),
        authorities,
        addedEstablishments: clausesOf(a, ast.isAjout).map(x => x.establishment).filter((e): e is ast.Etablissement => e !== undefined).map(e => establishmentJson(establishmentView(e))),
        withdrawnEstablishments: clausesOf(a, ast.isRetrait).flatMap(r => refIds(r.establishments)),
        funding: fundingJson(a),
        modifications: clausesOf(a, ast.isModification).map(modificationJson),
        followUp: clausesOf(a, ast.isSuivi).length > 0 ? followUpJson(a) : undefined,
        visas: visasJson(a),
        withdrawnVisas: withdrawnVisasJson(a),
        clauses: clausesJson(a),
        withdrawnClauses: withdrawnClausesJson(a),
    });
}
