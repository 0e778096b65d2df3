/**
 * What a change means, in French and in the contract's units: "cible 2017 de OCCUPATION : 97 % → 98 %",
 * "dotation DGC 2015 : +41 915 € (4 233 415 € → 4 275 330 €)". Elements are named by their identifier in the
 * contract (as the contract's authors write them); free text is quoted « … »; long texts (préambule, diagnostic,
 * descriptions) are said to be changed, their values are in the record.
 */
import { MISSING } from '@cpom/generator';
import { de, formatDate, joinFr, formatEuros, formatNumber, keywordLabel, lineTotal, monthName, parseIsoDate, quote as frenchQuote } from '@cpom/language';
import { jsonAmountFigures } from './funding-totals.js';
import type { ChangeRecord, DiffSummary } from './change.js';
import { type ChangePath, parseChangePath, unhandledPlace } from './change-path.js';

type JsonObject = Record<string, unknown>;

const NNBSP = '\u202F';
const NBSP = '\u00A0';

/** A value of a version as text; a broken version may lack it: « [nom manquant] », never "undefined". */
function shown(value: unknown, missing: string = MISSING.name): string {
    return value === undefined || value === null ? missing : String(value);
}

/** A number of a version in French; a missing one (the export of a broken text leaves it out) as a placeholder. */
function numberText(value: unknown, missing: string = MISSING.number): string {
    return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value) : missing;
}

export function formatEurosValue(euros: number): string {
    return Number.isFinite(euros) ? formatEuros(Math.round(euros * 100)) : MISSING.amount;
}

/** A signed amount: "+41 915 €", "−1 200,50 €". */
export function formatEurosDelta(euros: number): string {
    if (!Number.isFinite(euros)) return MISSING.amount;
    const cents = Math.round(euros * 100);
    return `${cents >= 0 ? '+' : '−'}${formatEuros(Math.abs(cents))}`;
}

function quote(text: unknown): string {
    return frenchQuote(shown(text, MISSING.title));
}

function date(value: unknown): string {
    const parsed = typeof value === 'string' ? parseIsoDate(value) : undefined;
    return parsed ? formatDate(parsed, 'fr') : shown(value, MISSING.date);
}

// ---------------------------------------------------------------------------------------------
// Labels of the contract's keywords: the language's wording layer, as the contract document words them

/** The grammar's value rule of each kind of keyword the records hold. */
const RULES = {
    modality: 'Modality', nature: 'FundingNature', source: 'FundingSource', indexation: 'IndexationMethod', status: 'LegalStatus',
    authority: 'AuthorityKind', direction: 'Direction', criterion: 'ModulationCriterion', document: 'BudgetDocument', diagnostic: 'DiagnosticAxis',
} as const;

function label(table: keyof typeof RULES, value: unknown): string {
    return keywordLabel(RULES[table], typeof value === 'string' ? value : undefined) ?? shown(value, MISSING.kind).replace(/_/g, ' ');
}

const REVIEWS: Record<string, { name: string; feminine: boolean }> = {
    annuelle: { name: 'revue annuelle', feminine: true },
    mi_parcours: { name: 'revue à mi-parcours', feminine: true },
    finale: { name: 'bilan final', feminine: false },
};


// ---------------------------------------------------------------------------------------------
// Values

/** `{ value, unit }`: "97 %", "12", "1 200 €". */
function quantity(v: JsonObject): string {
    const unit = v.unit === 'percent' ? '%' : v.unit === 'EUR' ? '€' : undefined;
    return `${numberText(v.value, MISSING.value)}${unit ? `${NNBSP}${unit}` : ''}`;
}

/** `{ amount, perDay }`: "4 150 000 €", "58,40 € par jour". */
function amount(v: JsonObject): string {
    return `${formatEurosValue(Number(v.amount))}${v.perDay ? ' par jour' : ''}`;
}

function capacityText(c: JsonObject): string {
    const unit = shown(c.unit ?? 'places');
    const funded = c.funded !== undefined && c.funded !== c.authorised ? ` dont ${numberText(c.funded)} financé${unit === 'lits' ? 's' : 'es'}` : '';
    return `${numberText(c.authorised)} ${unit}${funded}`;
}

/** "120 places", "80 lits, 12 places". */
function capacitiesText(establishment: JsonObject): string {
    const totals = new Map<string, number>();
    for (const c of (establishment.capacities ?? []) as JsonObject[]) {
        const unit = shown(c.unit ?? 'places');
        totals.set(unit, (totals.get(unit) ?? 0) + (Number(c.authorised) || 0));
    }
    return [...totals].map(([unit, n]) => `${formatNumber(n)} ${unit}`).join(', ');
}

/** The line's total over the period as the language model defines it (`lineTotal`: a tariff line has none). */
function lineTotalText(line: JsonObject): string {
    const total = lineTotal(jsonAmountFigures(line));
    if (total.kind === 'daily') return 'tarif journalier';
    return total.kind === 'yearly' ? `${formatEuros(total.cents)} sur la durée` : 'aucun montant';
}

/** Fields whose values are keywords of the contract, and the labels that word them. */
const KEYWORD_FIELDS: Record<string, keyof typeof RULES> = {
    modality: 'modality', nature: 'nature', fundingSource: 'source', method: 'indexation', legalStatus: 'status',
    direction: 'direction', criterion: 'criterion',
};

/** Fields whose numbers are years or codes, written without thousands separators. */
const PLAIN_NUMBERS = new Set(['year', 'code', 'day', 'month', 'number', 'department']);

/**
 * A JSON value as the contract would write it: "4 150 000 €", "97 %", "1er janvier 2013", "ESAT (246)",
 * "dotation globalisée commune". `field` is the JSON key the value is at (the last key of the record's path that
 * is not an identity), to word keywords and leave years alone.
 */
export function formatValue(value: unknown, field?: string): string {
    if (value === undefined || value === null) return '—';
    if (typeof value === 'number') {
        if (field === 'amount') return formatEurosValue(value);
        return field !== undefined && PLAIN_NUMBERS.has(field) ? shown(value) : formatNumber(value);
    }
    if (typeof value === 'string') {
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
        return field !== undefined && KEYWORD_FIELDS[field] ? label(KEYWORD_FIELDS[field], value) : value;
    }
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (Array.isArray(value)) return value.map(v => formatValue(v)).join(', ');
    const object = value as JsonObject;
    if ('value' in object) return quantity(object);
    if ('amount' in object && typeof object.amount === 'number') return amount(object);
    if ('authorised' in object) return capacityText(object);
    if ('code' in object) return object.key ? `${shown(object.key)} (${shown(object.code)})` : shown(object.code);
    if ('scope' in object) return shown(object.scope);
    if ('places' in object) return `${numberText(object.places)} places`;
    if ('document' in object && 'day' in object) return `le ${shown(object.day, MISSING.number)} ${monthName(Number(object.month)) ?? MISSING.month}`;
    if ('kind' in object && 'year' in object && !('id' in object)) return `${REVIEWS[shown(object.kind)]?.name ?? shown(object.kind)} ${shown(object.year)}`;
    if ('frequency' in object) return shown(object.frequency);
    if ('method' in object) return label('indexation', object.method);
    if ('members' in object) return ((object.members ?? []) as unknown[]).join(', ');
    if ('number' in object) return `avenant n°${NBSP}${shown(object.number)}`;
    if ('id' in object) return shown(object.id);
    if ('party' in object) return shown(object.party);
    if ('year' in object) return shown(object.year);
    return JSON.stringify(value);
}

/** The value before or after a change, for a table: the record's `old` or `new`, worded by its field. */
export function formatRecordValue(record: ChangeRecord, side: 'old' | 'new'): string {
    const value = side === 'old' ? record.old : record.new;
    if (record.kind === 'rename' && value === undefined) return side === 'old' ? record.from ?? '' : record.to ?? '';
    // The field is the last key of the path; for an item of a list, the list's key.
    const last = record.path[record.path.length - 1];
    const field = typeof value === 'object' || /^\d+$/.test(last) || record.kind === 'add' || record.kind === 'remove'
        ? record.path[record.path.length - 2]
        : last;
    return formatValue(value, field === 'amounts' || field === 'shares' ? 'amount' : field);
}

// ---------------------------------------------------------------------------------------------
// Descriptions

const KIND_WORDS = {
    add: ['ajouté', 'ajoutée'], remove: ['retiré', 'retirée'], change: ['modifié', 'modifiée'],
    rename: ['renommé', 'renommée'], move: ['déplacé', 'déplacée'],
} as const;

function done(kind: ChangeRecord['kind'], feminine: boolean, plural = false): string {
    return KIND_WORDS[kind][feminine ? 1 : 0] + (plural ? 's' : '');
}

interface Field {
    /** The field's name with its owner: "capacité autorisée de ESAT_LYON". */
    readonly name: string;
    readonly feminine: boolean;
    /** How its values read; long texts have none (the description says "modifié"). */
    readonly format?: (value: unknown) => string;
}

const text = undefined;
const asQuoted = (v: unknown) => quote(v);
const asCode = (v: unknown) => shown(v);
const asDate = (v: unknown) => date(v);

/** The funding line around a record: "dotation DGC", with its gender. */
function lineName(line: JsonObject | undefined): { name: string; feminine: boolean; of: string; to: string } {
    const kind = shown(line?.kind ?? 'financement');
    const feminine = kind === 'dotation';
    const name = `${kind} ${shown(line?.id ?? '?')}`;
    return { name, feminine, of: `${feminine ? 'de la' : 'du'} ${name}`, to: `${feminine ? 'à la' : 'au'} ${name}` };
}

/** The label of a field (or of a part compared whole, such as an actualisation), by its place. */
function fieldOf(place: ChangePath, items: ReadonlyMap<string, JsonObject>): Field | undefined {
    const establishment = shown(items.get('contract.perimeter.establishments[]')?.id);
    const authority = shown(items.get('contract.parties.authorities[]')?.id);
    const signatory = shown(items.get('contract.parties.signatories[]')?.party);
    const axis = shown(items.get('contract.axes[]')?.id);
    const objective = shown(items.get('contract.axes[].objectives[]')?.id);
    const action = items.get('contract.axes[].objectives[].actions[]');
    const actionName = action ? quote(action.title) : '';
    const indicator = shown(items.get('contract.axes[].objectives[].indicators[]')?.id);
    const line = lineName(items.get('contract.funding.lines[]'));
    const cnr = items.get('contract.funding.cnr[]');
    const cnrName = cnr ? `du CNR ${quote(cnr.title)} ${shown(cnr.year)}` : '';
    const modulation = `de la modulation de ${shown(items.get('contract.funding.modulations[]')?.fundingLine)}`;
    const capacity = items.get('contract.perimeter.establishments[].capacities[]');
    const modality = capacity?.modality ? ` (${label('modality', capacity.modality)})` : '';
    const units = (v: unknown) => `${numberText(v)} ${shown(capacity?.unit ?? 'places')}`;
    const avenant = `de l'avenant n°${NBSP}${shown(items.get('contract.avenants[]')?.number)}`;
    const f = (name: string, feminine: boolean, format?: (value: unknown) => string): Field => ({ name, feminine, format });
    switch (place.kind) {
        case 'contract-field':
            switch (place.field) {
                case 'id': return f('identifiant du contrat', false, asCode);
                case 'title': return f('intitulé du contrat', false, asQuoted);
                case 'preambule': return f('préambule', false, text);
            }
            return undefined;
        case 'duration':
            switch (place.field) {
                case 'dateEffetEngagement': return f('date d\'effet', true, asDate);
                case 'dateFinEngagement': return f('fin du contrat', true, asDate);
                case 'dateSignatureEngagement': return f('date de signature', true, asDate);
                case 'prorogationEndDate': return f('fin de la prorogation', true, asDate);
            }
            return undefined;
        case 'gestionnaire':
            switch (place.field) {
                case undefined: return f('gestionnaire', false, v => `${shown((v as JsonObject).id)} ${quote((v as JsonObject).denominationPm)}`);
                case 'id': return f('identifiant du gestionnaire', false, asCode);
                case 'denominationPm': return f('dénomination du gestionnaire', true, asQuoted);
                case 'numFinessPm': return f('FINESS du gestionnaire', false, asCode);
                case 'legalStatus': return f('statut du gestionnaire', false, v => label('status', v));
                case 'address': return f('adresse du gestionnaire', true, asQuoted);
            }
            return undefined;
        case 'authority':
            switch (place.field) {
                case 'name': return f(`nom de l'autorité ${authority}`, false, asQuoted);
                case 'kind': return f(`type de l'autorité ${authority}`, false, v => label('authority', v));
                case 'department': return f(`département de l'autorité ${authority}`, false, asCode);
                case 'region': return f(`région de l'autorité ${authority}`, true, asQuoted);
                case 'address': return f(`adresse de l'autorité ${authority}`, true, asQuoted);
                case 'catalogue': return f(`catalogue de l'autorité ${authority}`, false, asCode);
            }
            return undefined;
        case 'signatory':
            switch (place.field) {
                case 'role': return f(`qualité du signataire ${signatory}`, true, asQuoted);
                case 'person': return f(`personne qui signe pour ${signatory}`, true, asQuoted);
            }
            return undefined;
        case 'establishment':
            switch (place.field) {
                case 'nomEgeLong': return f(`nom de l'établissement ${establishment}`, false, asQuoted);
                case 'numFinessEge': return f(`FINESS de ${establishment}`, false, asCode);
                case 'categorieEntiteGeographique': return f(`catégorie de ${establishment}`, true, v => formatValue(v));
                case 'department': return f(`département de ${establishment}`, false, asCode);
                case 'habilitationAideSociale': return f(`habilitation à l'aide sociale de ${establishment}`, true, v => formatValue(v));
                case 'address': return f(`adresse de ${establishment}`, true, asQuoted);
                case 'catalogue': return f(`catalogue de ${establishment}`, false, asCode);
            }
            return undefined;
        case 'capacity':
            switch (place.field) {
                case 'authorised': return f(`capacité autorisée${modality} de ${establishment}`, true, units);
                case 'funded': return f(`capacité financée${modality} de ${establishment}`, true, units);
                case 'unit': return f(`unité de la capacité${modality} de ${establishment}`, true, asCode);
            }
            return undefined;
        case 'axis':
            switch (place.field) {
                case 'title': return f(`intitulé de l'axe ${axis}`, false, asQuoted);
            }
            return undefined;
        case 'objective':
            switch (place.field) {
                case 'title': return f(`intitulé de l'objectif ${objective}`, false, asQuoted);
                case 'description': return f(`description de l'objectif ${objective}`, true, text);
            }
            return undefined;
        case 'action':
            switch (place.field) {
                case 'title': return f(`intitulé d'une action de l'objectif ${objective}`, false, asQuoted);
                case 'id': return f(`identifiant de l'action ${actionName}`, false, asCode);
                case 'deadline': return f(`échéance de l'action ${actionName}`, true, asDate);
                case 'lead': return f(`pilote de l'action ${actionName}`, false, asQuoted);
            }
            return undefined;
        case 'indicator':
            switch (place.field) {
                case 'title': return f(`intitulé de l'indicateur ${indicator}`, false, asQuoted);
                case 'basedOn': return f(`indicateur de catalogue de ${indicator}`, false, asCode);
                case 'unit': return f(`unité de ${indicator}`, true, asQuoted);
                case 'source': return f(`source de ${indicator}`, true, asQuoted);
                case 'formula': return f(`formule de ${indicator}`, true, text);
                case 'direction': return f(`sens de ${indicator}`, false, v => label('direction', v));
                case 'baseline': return f(`référence de ${indicator}`, true, v => `${quantity(v as JsonObject)} en ${shown((v as JsonObject).year)}`);
            }
            return undefined;
        case 'funding-line':
            switch (place.field) {
                case 'title': return f(`intitulé ${line.of}`, false, asQuoted);
                case 'kind': return f(`type ${line.of}`, false, asCode);
                case 'nature': return f(`nature ${line.of}`, true, v => label('nature', v));
                case 'payer': return f(`financeur ${line.of}`, false, asCode);
                case 'fundingSource': return f(`financement ${line.of}`, false, v => label('source', v));
            }
            return undefined;
        case 'funding-actualisation':
            switch (place.field) {
                case undefined: return f(`actualisation ${line.of}`, true, v => formatValue(v));
                case 'method': return f(`actualisation ${line.of}`, true, v => label('indexation', v));
                case 'formula': return f(`précision de l'actualisation ${line.of}`, true, text);
            }
            return undefined;
        case 'cnr':
            switch (place.field) {
                case 'title': return f(`intitulé du CNR ${shown(cnr?.year)}`, false, asQuoted);
                case 'year': return f(`année du CNR ${quote(cnr?.title)}`, true, asCode);
                case 'establishment': return f(`bénéficiaire ${cnrName}`, false, asCode);
                case 'payer': return f(`financeur ${cnrName}`, false, asCode);
            }
            return undefined;
        case 'modulation':
            switch (place.field) {
                case 'criterion': return f(`critère ${modulation}`, false, v => label('criterion', v));
                case 'indicator': return f(`indicateur ${modulation}`, false, asCode);
                case 'abattement': return f(`abattement maximal ${modulation}`, false, v => quantity(v as JsonObject));
                case 'justification': return f(`justification ${modulation}`, true, text);
            }
            return undefined;
        case 'head-office-costs':
            switch (place.field) {
                case 'rate': return f('taux des frais de siège', false, v => quantity(v as JsonObject));
                case 'authorisationDate': return f('date d\'autorisation des frais de siège', true, asDate);
            }
            return undefined;
        case 'committee':
            switch (place.field) {
                case 'meetingFrequency': return f('fréquence de réunion du comité de suivi', true, asCode);
            }
            return undefined;
        case 'management-dialogue':
            switch (place.field) {
                case 'frequency': return f('fréquence du dialogue de gestion', true, asCode);
            }
            return undefined;
        case 'avenant':
            switch (place.field) {
                case 'object': return f(`objet ${avenant}`, false, text);
                case 'effectDate': return f(`date d'effet ${avenant}`, true, asDate);
                case 'signatureDate': return f(`date de signature ${avenant}`, true, asDate);
                case 'prorogationEndDate': return f(`fin de la prorogation ${avenant}`, true, asDate);
                case 'endDate': return f(`fin du contrat fixée par ${avenant.replace(/^de /, '')}`, true, asDate);
                case 'followUp': return f(`suivi modifié par ${avenant.replace(/^de /, '')}`, false, v => formatValue(v));
            }
            return undefined;
        case 'diagnostic': return f(`diagnostic (${label('diagnostic', place.axis)})`, false, text);
        case 'legal-frame': case 'department': case 'tarification-authority': case 'objective-establishment':
        case 'action-establishment': case 'indicator-target': case 'funding-line-establishment': case 'funding-amount':
        case 'funding-distribution': case 'funding-share': case 'committee-member': case 'review': case 'gmp-pmp-evaluation':
        case 'transmission': case 'avenant-withdrawal': case 'unknown':
            return undefined;
        default: return unhandledPlace(place);
    }
}

/** "X : a → b", "X ajouté : b", "X retiré (a)"; for long texts, "X modifié". */
function describeField(record: ChangeRecord, field: Field): string {
    const format = field.format;
    const kind = record.kind === 'rename' || record.kind === 'move' ? 'change' : record.kind;
    if (!format) return `${field.name} ${done(kind, field.feminine)}`;
    switch (kind) {
        case 'add': return `${field.name} ${done('add', field.feminine)} : ${format(record.new)}`;
        case 'remove': return `${field.name} ${done('remove', field.feminine)} (${format(record.old)})`;
        default: return `${field.name} : ${format(record.old)} → ${format(record.new)}`;
    }
}

/** "+41 915 € (4 233 415 € → 4 275 330 €)", "+0,65 € par jour (58,40 € → 59,05 € par jour)". */
function amountChange(before: JsonObject, after: JsonObject): string {
    const perDay = before.perDay && after.perDay ? ' par jour' : '';
    const delta = formatEurosDelta(Number(after.amount) - Number(before.amount));
    return `${delta}${perDay} (${formatEurosValue(Number(before.amount))}${before.perDay && !perDay ? ' par jour' : ''} → ${amount(after)})`;
}

/** The description of an array item added, removed, renamed, moved or changed as a whole; undefined for a field. */
function describeItem(record: ChangeRecord, place: ChangePath, items: ReadonlyMap<string, JsonObject>): string | undefined {
    const name = record.path[record.path.length - 1];
    // A rename or a move carries no item (or only the retitled name): its fields read as missing, never as a crash.
    const side = record.kind === 'remove' ? record.old : record.new;
    const value: JsonObject = typeof side === 'object' && side !== null && !Array.isArray(side) ? side as JsonObject : {};
    const kind = record.kind;
    const establishment = shown(items.get('contract.perimeter.establishments[]')?.id);
    const objective = shown(items.get('contract.axes[].objectives[]')?.id);
    const action = items.get('contract.axes[].objectives[].actions[]');
    const indicator = shown(items.get('contract.axes[].objectives[].indicators[]')?.id);
    const line = lineName(items.get('contract.funding.lines[]'));
    const distribution = items.get('contract.funding.lines[].distributions[]');
    const toFrom = (feminine: boolean, to: string, from: string) => (kind === 'add' ? `${done('add', feminine)} ${to}` : `${done('remove', feminine)} ${from}`);
    const renamed = (what: string, feminine: boolean) => {
        const retitled = record.old !== undefined ? ` (${quote(record.old)} → ${quote(record.new)})` : '';
        return `${what} ${record.from} ${done('rename', feminine)} ${record.to}${retitled}`;
    };
    switch (place.kind) {
        case 'duration':
            switch (place.field) {
                case 'prorogationEndDate':
                    if (kind === 'add') return `prorogation jusqu'au ${date(record.new)} ajoutée`;
                    if (kind === 'remove') return `prorogation jusqu'au ${date(record.old)} retirée`;
                    return undefined;
            }
            return undefined;
        case 'avenant':
            switch (place.field) {
                case 'prorogationEndDate':
                    if (kind === 'add') return `prorogation jusqu'au ${date(record.new)} ajoutée`;
                    if (kind === 'remove') return `prorogation jusqu'au ${date(record.old)} retirée`;
                    return undefined;
                case undefined: {
                    const details = [
                        value.object !== undefined ? quote(value.object) : undefined,
                        value.effectDate !== undefined ? `effet le ${date(value.effectDate)}` : undefined,
                    ].filter(d => d !== undefined);
                    return `avenant n°${NBSP}${name} ${done(kind, false)}${kind === 'add' && details.length > 0 ? ` : ${details.join(', ')}` : ''}`;
                }
                case 'modifications': {
                    const target = shown(value.target);
                    if (kind === 'add') return `modifie ${target} : ${modificationContent(value)}`;
                    if (kind === 'remove') return `ne modifie plus ${target}`;
                    return `modification de ${target} : ${modificationContent(record.old as JsonObject)} → ${modificationContent(value)}`;
                }
            }
            return undefined;
        case 'legal-frame': return `cadre juridique ${name} ${done(kind, false)}`;
        case 'department': return `département ${name} ${done(kind, false)}`;
        case 'authority':
            switch (place.field) {
                case undefined:
                    if (kind === 'rename') return renamed('autorité', true);
                    return `autorité ${name} ${done(kind, true)}${kind === 'add' ? ` : ${quote(value.name)} (${label('authority', value.kind)})` : ''}`;
            }
            return undefined;
        case 'gestionnaire':
            switch (place.field) {
                case 'id':
                    if (kind === 'rename') return `gestionnaire ${record.from} ${done('rename', false)} ${record.to}`;
                    return undefined;
            }
            return undefined;
        case 'signatory':
            switch (place.field) {
                case undefined:
                    return `signataire ${name} ${done(kind, false)}${kind === 'add' && value.role ? ` (${quote(value.role)})` : ''}`;
            }
            return undefined;
        case 'establishment':
            switch (place.field) {
                case undefined:
                    if (kind === 'rename') return renamed('établissement', false);
                    return `établissement ${name} ${done(kind, false)}${kind === 'add' || kind === 'remove' ? ` (${capacitiesText(value)})` : ''}`;
            }
            return undefined;
        case 'capacity':
            switch (place.field) {
                case undefined: {
                    const modality = value.modality ? ` ${label('modality', value.modality)}` : '';
                    return kind === 'add'
                        ? `capacité${modality} de ${establishment} ajoutée : ${capacityText(value)}`
                        : `capacité${modality} de ${establishment} retirée (${capacityText(value)})`;
                }
            }
            return undefined;
        case 'tarification-authority':
            return `autorité de tarification ${name} ${toFrom(true, 'pour', 'pour')} ${establishment}`;
        case 'axis':
            switch (place.field) {
                case undefined: {
                    if (kind === 'rename') return renamed('axe', false);
                    const count = ((value.objectives ?? []) as unknown[]).length;
                    return `axe ${name} ${done(kind, false)}${kind === 'add' || kind === 'remove' ? ` (${count} objectif${count > 1 ? 's' : ''})` : ''}`;
                }
            }
            return undefined;
        case 'objective':
            switch (place.field) {
                case undefined: {
                    const axis = shown(items.get('contract.axes[]')?.id);
                    if (kind === 'move') return `objectif ${name} déplacé de l'axe ${record.from} vers l'axe ${record.to}`;
                    if (kind === 'rename') return renamed('objectif', false);
                    return `objectif ${name} ${toFrom(false, 'à l\'axe', 'de l\'axe')} ${axis}`;
                }
            }
            return undefined;
        case 'objective-establishment':
            return `établissement ${name} ${toFrom(false, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
        case 'action':
            switch (place.field) {
                case undefined:
                    if (kind === 'rename') return renamed('action', true);
                    return `action ${quote(value.title)} ${toFrom(true, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
            }
            return undefined;
        case 'action-establishment':
            return `établissement ${name} ${toFrom(false, 'à l\'action', 'de l\'action')} ${quote(action?.title)}`;
        case 'indicator':
            switch (place.field) {
                case undefined:
                    if (kind === 'move') return `indicateur ${name} déplacé de l'objectif ${record.from} vers l'objectif ${record.to}`;
                    if (kind === 'rename') return renamed('indicateur', false);
                    return `indicateur ${name} ${toFrom(false, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
            }
            return undefined;
        case 'indicator-target':
            if (kind === 'add') return `cible ${name} de ${indicator} ajoutée : ${quantity(value)}`;
            if (kind === 'remove') return `cible ${name} de ${indicator} retirée (${quantity(value)})`;
            return `cible ${name} de ${indicator} : ${quantity(record.old as JsonObject)} → ${quantity(record.new as JsonObject)}`;
        case 'funding-line':
            switch (place.field) {
                case undefined:
                    if (kind === 'rename') return renamed(shown(items.get('contract.funding.lines[]')?.kind ?? 'financement'), items.get('contract.funding.lines[]')?.kind === 'dotation');
                    return `${lineName(value).name} ${done(kind, value.kind === 'dotation')}${kind === 'add' || kind === 'remove' ? ` (${lineTotalText(value)})` : ''}`;
            }
            return undefined;
        case 'funding-line-establishment':
            return `établissement ${name} ${kind === 'add' ? `ajouté ${line.to}` : `retiré ${line.of}`}`;
        case 'funding-amount':
            if (kind === 'add') return `${line.name} ${name} ${done('add', line.feminine)} : ${amount(value)}`;
            if (kind === 'remove') return `${line.name} ${name} ${done('remove', line.feminine)} (${amount(value)})`;
            return `${line.name} ${name} : ${amountChange(record.old as JsonObject, record.new as JsonObject)}`;
        case 'funding-distribution':
            return `répartition ${name} ${line.of} ${done(kind, true)}`;
        case 'funding-share': {
            const where = `répartition ${shown(distribution?.year)} ${line.of}`;
            if (kind === 'add') return `${where} : part de ${name} ajoutée (${amount(value)})`;
            if (kind === 'remove') return `${where} : part de ${name} retirée (${amount(value)})`;
            return `${where}, part de ${name} : ${amountChange(record.old as JsonObject, record.new as JsonObject)}`;
            }
        case 'cnr':
            switch (place.field) {
                case undefined:
                    if (kind === 'add') return `CNR ${quote(value.title)} ${shown(value.year)} ajouté : ${amount(value)}`;
                    if (kind === 'remove') return `CNR ${quote(value.title)} ${shown(value.year)} retiré (${amount(value)})`;
                    return undefined;
                case 'amount': {
                    const cnr = items.get('contract.funding.cnr[]');
                    const perDay = cnr?.perDay ? { perDay: true } : {};
                    return `CNR ${quote(cnr?.title)} ${shown(cnr?.year)} : ${amountChange({ amount: record.old, ...perDay }, { amount: record.new, ...perDay })}`;
                }
            }
            return undefined;
        case 'modulation':
            switch (place.field) {
                case undefined:
                    return `modulation de ${shown(value.fundingLine)} ${done(kind, true)}`;
            }
            return undefined;
        case 'head-office-costs':
            switch (place.field) {
                case undefined:
                    return `frais de siège ${done(kind, false, true)}${kind === 'add' && value.rate ? ` (taux ${quantity(value.rate as JsonObject)})` : ''}`;
            }
            return undefined;
        case 'committee':
            switch (place.field) {
                case undefined:
                    return `comité de suivi ${done(kind, false)}${kind === 'add' ? ` (${formatValue(value.members)})` : ''}`;
            }
            return undefined;
        case 'committee-member':
            return `membre ${name} ${toFrom(false, 'au', 'du')} comité de suivi`;
        case 'management-dialogue':
            switch (place.field) {
                case undefined:
                    return `dialogue de gestion ${shown(value.frequency)} ${done(kind, false)}`;
            }
            return undefined;
        case 'review': {
            const review = REVIEWS[shown(value.kind)] ?? { name: `revue ${shown(value.kind)}`, feminine: true };
            const before = record.old as JsonObject | undefined;
            if (kind === 'change' && before !== undefined && before.kind === value.kind) return `${review.name} : ${shown(before.year)} → ${shown(value.year)}`;
            if (kind === 'change') return `${formatValue(before)} → ${formatValue(value)}`;
            return `${review.name} ${shown(value.year)} ${done(kind, review.feminine)}`;
            }
        case 'gmp-pmp-evaluation':
            if (kind === 'change') return `évaluation GMP/PMP : ${shown((record.old as JsonObject).year)} → ${shown(value.year)}`;
            return `évaluation GMP/PMP ${shown(value.year)} ${done(kind, true)}`;
        case 'transmission': {
            const what = `transmission ${de(label('document', value.document))}`;
            if (kind === 'change') return `${what} : ${formatValue(record.old)} → ${formatValue(record.new)}`;
            return `${what} ${formatValue(value)} ${done(kind, true)}`;
            }
        case 'avenant-withdrawal':
            return `${kind === 'add' ? 'retire aussi' : 'ne retire plus'} l'établissement ${name}`;
        case 'contract-field': case 'diagnostic': case 'funding-actualisation': case 'unknown':
            return undefined;
        default: return unhandledPlace(place);
    }
}

/** What a modification of an avenant says, in words: "capacité (hébergement temporaire) : 6 lits ; cible 2024 : 97,5 %". */
function modificationContent(value: JsonObject | undefined): string {
    const v = value ?? {};
    const list = (key: string) => (Array.isArray(v[key]) ? v[key] as JsonObject[] : []);
    const parts: string[] = [];
    if (v.title !== undefined) parts.push(`intitulé ${quote(v.title)}`);
    for (const c of list('capacities')) {
        const modality = c.modality !== undefined ? ` (${label('modality', c.modality)})` : '';
        const unit = shown(c.unit ?? 'places');
        parts.push(`capacité${modality} : ${numberText(c.authorised)} ${unit}${c.funded !== undefined ? `, dont ${numberText(c.funded)} financées` : ''}`);
    }
    for (const t of list('targets')) parts.push(`cible ${shown(t.year)} : ${quantity(t)}`);
    if (v.baseline !== undefined) parts.push(`référence : ${quantity(v.baseline as JsonObject)} en ${shown((v.baseline as JsonObject).year)}`);
    for (const a of list('amounts')) parts.push(`montant ${shown(a.year)} : ${amount(a)}`);
    if (v.description !== undefined) parts.push('description');
    for (const a of list('addedActions')) parts.push(`action ${quote(a.title)} ajoutée`);
    for (const i of list('addedIndicators')) parts.push(`indicateur ${quote(i.title)} ajouté`);
    const others = Array.isArray(v.otherClauses) ? v.otherClauses.length : 0;
    if (others > 0) parts.push(`${others} autre${others > 1 ? 's' : ''} clause${others > 1 ? 's' : ''}`);
    return parts.length > 0 ? parts.join(' ; ') : 'aucune clause';
}

/**
 * The description of a change, by the typed place of its path (an avenant's funding, signatories, authorities and
 * added establishments are the contract's places with `avenant` set); `items` are the elements around it by
 * canonical pattern (the establishment, the indicator, the funding line, the avenant…).
 */
export function describeChange(record: ChangeRecord, items: ReadonlyMap<string, JsonObject>): string {
    const place = parseChangePath(record.path);
    const avenant = items.get('contract.avenants[]');
    const wholeAvenant = place.kind === 'avenant' && place.field === undefined;
    let description: string | undefined;
    if (place.avenant !== undefined && place.kind === 'establishment' && place.field === undefined && (record.kind === 'add' || record.kind === 'remove')) {
        const value = (record.kind === 'add' ? record.new : record.old) as JsonObject;
        description = `${record.kind === 'add' ? 'ajoute aussi' : 'n\'ajoute plus'} l'établissement ${shown(value.id)} (${capacitiesText(value)})`;
    } else {
        description = describeItem(record, place, items);
        if (description === undefined) {
            const field = fieldOf(place, items);
            if (field) description = describeField(record, field);
        }
    }
    description ??= generic(record);
    if (avenant !== undefined && !wholeAvenant && !/de l'avenant n°/.test(description)) {
        return `avenant n°${NBSP}${shown(avenant.number)} : ${description}`;
    }
    return description;
}

function generic(record: ChangeRecord): string {
    const where = record.path.join(' › ');
    switch (record.kind) {
        case 'add': return `${where} : ${formatValue(record.new)} ajouté`;
        case 'remove': return `${where} : ${formatValue(record.old)} retiré`;
        case 'rename': return `${where} : renommé de ${record.from} en ${record.to}`;
        case 'move': return `${where} : déplacé de ${record.from} vers ${record.to}`;
        default: return `${where} : ${formatValue(record.old)} → ${formatValue(record.new)}`;
    }
}

// ---------------------------------------------------------------------------------------------
// Headline

/** "+2,1 %" (one decimal), or the amount when the rate rounds to zero or there was no funding before. */
function fundingChange(before: number, after: number): string {
    const percent = before === 0 ? undefined : ((after - before) / before) * 100;
    if (percent === undefined || Math.round(Math.abs(percent) * 10) === 0) return formatEurosDelta(after - before);
    return `${percent >= 0 ? '+' : '−'}${formatNumber(Math.round(Math.abs(percent) * 10) / 10)}${NNBSP}%`;
}

/**
 * "3 établissements ajoutés, 12 cibles modifiées, financement +2,1 %": establishments, targets and funding first,
 * then the other substantive changes, the avenants and the editorial changes. `fundingChangesShown` is the number of
 * substantive records that the funding rate sums up (yearly amounts, lines added or removed).
 */
export function headline(summary: Omit<DiffSummary, 'headline'>, fundingChangesShown = 0): string {
    const parts: string[] = [];
    const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
    if (summary.establishmentsAdded > 0) parts.push(plural(summary.establishmentsAdded, 'établissement ajouté', 'établissements ajoutés'));
    if (summary.establishmentsRemoved > 0) parts.push(plural(summary.establishmentsRemoved, 'établissement retiré', 'établissements retirés'));
    if (summary.targetsChanged > 0) parts.push(plural(summary.targetsChanged, 'cible modifiée', 'cibles modifiées'));
    const fundingChanged = summary.fundingOld !== summary.fundingNew;
    if (fundingChanged) parts.push(`financement ${fundingChange(summary.fundingOld, summary.fundingNew)}`);
    const shown = summary.establishmentsAdded + summary.establishmentsRemoved + summary.targetsChanged + (fundingChanged ? fundingChangesShown : 0);
    const others = summary.substantive - shown;
    if (others > 0) {
        parts.push(parts.length === 0
            ? plural(others, 'changement de fond', 'changements de fond')
            : plural(others, 'autre changement de fond', 'autres changements de fond'));
    }
    const signed = summary.signedAvenantsEdited ?? [];
    if (signed.length > 0) parts.push(`${signed.length > 1 ? 'avenants' : 'avenant'} ${joinFr(signed.map(n => `n° ${n}`))} déjà ${signed.length > 1 ? 'signés modifiés' : 'signé modifié'}`);
    if (summary.avenantsAdded > 0) parts.push(plural(summary.avenantsAdded, 'avenant ajouté', 'avenants ajoutés'));
    if (summary.avenantsRemoved > 0) parts.push(plural(summary.avenantsRemoved, 'avenant retiré', 'avenants retirés'));
    const avenantEdits = summary.avenantChanges - summary.avenantsAdded - summary.avenantsRemoved;
    if (avenantEdits > 0) parts.push(plural(avenantEdits, 'modification d\'avenant', 'modifications d\'avenants'));
    if (summary.editorial > 0) parts.push(plural(summary.editorial, 'changement rédactionnel', 'changements rédactionnels'));
    return parts.length === 0 ? 'aucun changement' : parts.join(', ');
}
