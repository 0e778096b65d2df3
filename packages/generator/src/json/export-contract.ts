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
import { AstUtils, type AstNode, isReference } from 'langium';
import {
    ast, avenantNumber, clausesOf, type EsmsCategory, establishmentFacts, firstClause, firstProp, gestionnaireOf,
    indicatorsOf, modificationPropApplies, modificationTargetKind, monthNumber, normalisedDepartment, normaliseFiness, perimeterOf, plain, propsOf, signatoriesOf, suiviItems,
} from '@cpom/language';
import {
    type ActionJson, type AuthorityJson, type AvenantJson, type AxisJson, type CapacityJson, type CategoryJson,
    type ContractJson, CPOM_JSON_FORMAT_VERSION, CPOM_JSON_SCHEMA_ID, type CpomJson, type DiagnosticJson,
    type EstablishmentJson, type FollowUpJson,
    type GestionnaireJson, type HabilitationJson, type IndicatorJson, type LegalFrame,
    type ModificationJson, type ObjectiveJson, type SignatoryJson, type TransmissionJson,
    type YearAmountJson, type YearValueJson,
} from './cpom-json.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.js';
import {
    byYear, catalogueOf, defined, idOf, indicatorFacts, readNumber, refId, refIds, valueUnit,
} from './model.js';
import { fundingJson, yearAmount } from './export-funding.js';

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
    const signatories = signatoriesOf(contract);
    const gestionnaire = gestionnaireOf(contract);
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
            dateEffetEngagement: firstClause(contract, ast.isEffet)?.date,
            dateSignatureEngagement: firstClause(contract, ast.isDateSignature)?.date,
            dateFinEngagement: firstClause(contract, ast.isFin)?.date,
            // The authorities that sign the contract, in the order of the signatures.
            autoriteRegulationEngagement: unique(signatories.map(s => s.party?.ref).filter(ast.isAutorite).map(idOf))
                .map(authorityId => ({ authorityId })),
        }),
        prorogationEndDate: firstClause(contract, ast.isProrogation)?.date,
        prorogeableYears: readNumber(firstClause(contract, ast.isProrogeable)?.years),
        signaturePlace: firstClause(contract, ast.isLieuSignature)?.place,
        consolidatedAt,
        departments: clausesOf(contract, ast.isDepartements).flatMap(d => d.codes)
            .map(normalisedDepartment).filter((c): c is string => c !== undefined),
        preambule: firstClause(contract, ast.isPreambule)?.text,
        parties: defined({
            gestionnaire: gestionnaire ? gestionnaireJson(gestionnaire) : undefined,
            authorities,
            signatories: signatories.map(signatoryJson),
        }),
        perimeter: { establishments: perimeterOf(contract).map(establishmentJson) },
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
// Parties

function gestionnaireJson(g: ast.Gestionnaire): GestionnaireJson {
    const finess = firstProp(g, ast.isFiness)?.value;
    const status = firstProp(g, ast.isStatut)?.value;
    return defined<GestionnaireJson>({
        id: g.name,
        denominationPm: g.title,
        numFinessPm: finess !== undefined ? normaliseFiness(finess).value : undefined,
        legalStatus: status !== undefined ? plain(status) as GestionnaireJson['legalStatus'] : undefined,
        address: firstProp(g, ast.isAdresse)?.value,
    });
}

/**
 * The authorities an owner (contract or avenant) brings into the document: those it declares and those of a
 * catalogue it refers to, in the order they first appear in its text, without those already listed.
 */
function authoritiesOf(owner: ast.Contrat | ast.Avenant, listed: Set<ast.Autorite>): AuthorityJson[] {
    const found: ast.Autorite[] = [];
    const add = (node: AstNode | undefined) => {
        if (ast.isAutorite(node) && !listed.has(node)) {
            listed.add(node);
            found.push(node);
        }
    };
    for (const node of AstUtils.streamAst(owner)) {
        add(node);
        for (const info of AstUtils.streamReferences(node)) {
            // The grammar has single references only; a multi-reference would bring nothing here.
            add(isReference(info.reference) ? info.reference.ref : undefined);
        }
    }
    return found.map(authorityJson);
}

function authorityJson(a: ast.Autorite): AuthorityJson {
    return defined<AuthorityJson>({
        id: idOf(a),
        kind: a.kind !== undefined ? plain(a.kind) as AuthorityJson['kind'] : undefined!,
        department: normalisedDepartment(a.department),
        name: a.title,
        region: firstProp(a, ast.isRegion)?.value,
        address: firstProp(a, ast.isAdresse)?.value,
        catalogue: catalogueOf(a)?.name,
    });
}

function signatoryJson(s: ast.Signataire): SignatoryJson {
    return defined<SignatoryJson>({ party: refId(s.party) ?? '', role: s.role, person: s.person });
}

// ---------------------------------------------------------------------------------------------
// Perimeter

function establishmentJson(e: ast.Etablissement): EstablishmentJson {
    const facts = establishmentFacts(e);
    const category = facts.category;
    return defined<EstablishmentJson>({
        id: idOf(e),
        nomEgeLong: e.title,
        numFinessEge: facts.finess,
        categorieEntiteGeographique: categoryJson(firstProp(e, ast.isCategorie), category),
        department: normalisedDepartment(firstProp(e, ast.isDepartementEtab)?.code),
        capacities: propsOf(e, ast.isCapacite).map(capacityJson),
        tarificationAuthorities: propsOf(e, ast.isTarification).flatMap(t => refIds(t.authorities)),
        habilitationAideSociale: habilitationJson(firstProp(e, ast.isHabilitationAideSociale)),
        address: firstProp(e, ast.isAdresse)?.value,
        catalogue: catalogueOf(e)?.name,
    });
}

/** The FINESS category: the code as written (or the category's code), the cpom key and label when known. */
function categoryJson(prop: ast.Categorie | undefined, category: EsmsCategory | undefined): CategoryJson | undefined {
    const code = readNumber(prop?.code) ?? category?.finessCodes[0];
    if (code === undefined) return undefined;
    return defined<CategoryJson>({ code, key: category?.key, label: category?.label });
}

function capacityJson(c: ast.Capacite): CapacityJson {
    return defined<CapacityJson>({
        modality: c.modality !== undefined ? plain(c.modality) as CapacityJson['modality'] : undefined,
        authorised: readNumber(c.authorised) as number,
        funded: readNumber(c.funded),
        unit: c.unit,
    });
}

function habilitationJson(h: ast.HabilitationAideSociale | undefined): HabilitationJson | undefined {
    if (!h) return undefined;
    if (h.scope !== undefined) return { scope: h.scope };
    const places = readNumber(h.places);
    return places !== undefined ? { places } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Diagnostic, axes, objectives, indicators

const DIAGNOSTIC_AXES = ['activite', 'organisation', 'ressources', 'qualite'] as const;

/** The four axes of the diagnostic, in a fixed order; a repeated axis (CPOM006) keeps its first text. */
function diagnosticJson(d: ast.Diagnostic): DiagnosticJson {
    const texts = new Map<string, string>();
    for (const section of d.sections) {
        const axis = plain(section.axis);
        if (section.text !== undefined && !texts.has(axis)) texts.set(axis, section.text);
    }
    return defined<DiagnosticJson>(Object.fromEntries(DIAGNOSTIC_AXES.map(axis => [axis, texts.get(axis)])));
}

function axisJson(a: ast.Axe): AxisJson {
    return { id: a.name, title: a.title, objectives: a.objectives.map(objectiveJson) };
}

function objectiveJson(o: ast.Objectif): ObjectiveJson {
    const descriptions = o.items.filter(ast.isDescription).map(d => d.text);
    return defined<ObjectiveJson>({
        id: o.name,
        title: o.title,
        // Several `description` clauses are paragraphs of one description.
        description: descriptions.length > 0 ? descriptions.join('\n\n') : undefined,
        establishments: o.items.filter(ast.isConcernes).flatMap(c => refIds(c.establishments)),
        actions: o.items.filter(ast.isAction).map(actionJson),
        indicators: indicatorsOf(o).map(indicatorJson),
        sheet: sheetJson(o.items.filter(ast.isRubriqueFiche)),
    });
}

/** The headings of the fiche action (format 2), by key; a heading given twice is one text in paragraphs. */
function sheetJson(items: ast.RubriqueFiche[]): ObjectiveJson['sheet'] {
    if (items.length === 0) return undefined;
    const sheet: Record<string, string> = {};
    for (const key of ['enjeux', 'objectifs_vises', 'modalites', 'echeancier', 'contraintes', 'ressources', 'maitre_d_oeuvre', 'evaluation']) {
        const texts = items.filter(i => plain(i.heading ?? '') === key).map(i => i.text);
        if (texts.length > 0) sheet[key] = texts.join('\n\n');
    }
    return sheet as ObjectiveJson['sheet'];
}

function actionJson(a: ast.Action): ActionJson {
    return defined<ActionJson>({
        id: a.name,
        title: a.title,
        deadline: a.deadline,
        lead: a.lead,
        establishments: refIds(a.establishments),
    });
}

function indicatorJson(i: ast.Indicateur): IndicatorJson {
    const facts = indicatorFacts(i);
    const baseline = firstProp(i, ast.isReference);
    return defined<IndicatorJson>({
        id: idOf(i),
        title: facts.title,
        basedOn: refId(i.base),
        unit: facts.unit,
        source: facts.source,
        formula: facts.formula,
        direction: facts.direction !== undefined ? plain(facts.direction) as IndicatorJson['direction'] : undefined,
        baseline: baseline ? yearValue(baseline.year, baseline.value) : undefined,
        targets: byYear(propsOf(i, ast.isCibles).flatMap(c => c.targets)
            .map(t => yearValue(t.year, t.value)).filter((v): v is YearValueJson => v !== undefined)),
    });
}

function yearValue(year: string, value: ast.Valeur | undefined): YearValueJson | undefined {
    const y = readNumber(year);
    const v = readNumber(value?.number);
    if (y === undefined || v === undefined) return undefined;
    return defined<YearValueJson>({ year: y, value: v, unit: valueUnit(value?.unit) });
}

// ---------------------------------------------------------------------------------------------
// Follow-up

function followUpJson(owner: ast.Contrat | ast.Avenant): FollowUpJson {
    const items = ast.isContrat(owner) ? suiviItems(owner) : clausesOf(owner, ast.isSuivi).flatMap(s => s.items);
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

// ---------------------------------------------------------------------------------------------
// Avenants

function avenantJson(a: ast.Avenant, authorities: AuthorityJson[]): AvenantJson {
    const number = avenantNumber(a);
    return defined<AvenantJson>({
        // NaN only when the number is missing from a broken text: left out, and the schema reports it.
        number: Number.isFinite(number) ? number : undefined!,
        object: firstClause(a, ast.isObjet)?.text,
        effectDate: firstClause(a, ast.isEffet)?.date,
        signatureDate: firstClause(a, ast.isDateSignature)?.date,
        prorogationEndDate: firstClause(a, ast.isProrogation)?.date,
        endDate: firstClause(a, ast.isFin)?.date,
        signatories: signatoriesOf(a).map(signatoryJson),
        authorities,
        addedEstablishments: clausesOf(a, ast.isAjout).map(x => x.establishment).filter((e): e is ast.Etablissement => e !== undefined).map(establishmentJson),
        withdrawnEstablishments: clausesOf(a, ast.isRetrait).flatMap(r => refIds(r.establishments)),
        funding: fundingJson(a),
        modifications: clausesOf(a, ast.isModification).map(modificationJson),
        followUp: clausesOf(a, ast.isSuivi).length > 0 ? followUpJson(a) : undefined,
    });
}

/**
 * A `modifie X { … }` of an avenant: the target and what it becomes, in the shapes of the target's own export (the
 * clauses that apply to the target only; model/consolidation.ts says how each one is applied).
 */
function modificationJson(m: ast.Modification): ModificationJson {
    const target = m.target?.ref;
    const kind = modificationTargetKind(target);
    const props = kind ? m.props.filter(p => modificationPropApplies(kind, p)) : [];
    const title = props.filter(ast.isTitre).at(-1)?.text;
    const capacities = props.filter(ast.isCapacite).map(capacityJson);
    const targets = props.filter(ast.isCibles).flatMap(c => c.targets).map(t => yearValue(t.year, t.value)).filter((v): v is YearValueJson => v !== undefined);
    const amounts = props.filter(ast.isMontants).flatMap(x => x.amounts).map(yearAmount).filter((a): a is YearAmountJson => a !== undefined);
    const baseline = props.filter(ast.isReference).at(-1);
    return defined<ModificationJson>({
        target: refId(m.target) ?? '',
        targetKind: kind,
        title,
        capacities: capacities.length > 0 ? capacities : undefined,
        targets: targets.length > 0 ? byYear(targets) : undefined,
        baseline: baseline ? yearValue(baseline.year, baseline.value) : undefined,
        amounts: amounts.length > 0 ? byYear(amounts) : undefined,
        description: props.filter(ast.isDescription).map(d => d.text).join('\n\n') || undefined,
        addedActions: props.some(ast.isAction) ? props.filter(ast.isAction).map(actionJson) : undefined,
        addedIndicators: props.some(ast.isIndicateur) ? props.filter(ast.isIndicateur).map(indicatorJson) : undefined,
        otherClauses: nonEmpty(props.filter(p => !ast.isTitre(p) && !ast.isCapacite(p) && !ast.isCibles(p) && !ast.isMontants(p)
            && !ast.isReference(p) && !ast.isDescription(p) && !ast.isAction(p) && !ast.isIndicateur(p)).map(p => p.$cstNode?.text.replace(/\s+/g, ' ') ?? p.$type)),
    });
}

function nonEmpty<T>(items: T[]): T[] | undefined {
    return items.length > 0 ? items : undefined;
}
