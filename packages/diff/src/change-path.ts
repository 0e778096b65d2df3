/**
 * The place a change record is about, parsed once from its path: the record's `path` is the keys of the contract's
 * JSON export with each array item's identity in place of its index; `parseChangePath` turns it into a
 * discriminated union that grouping, wording and drafting switch on exhaustively. An avenant's signatories,
 * authorities, added establishments and funding are the same places as the contract's, with `avenant` set.
 *
 * A path of no known shape is the `unknown` kind, never a guess: the tests assert that the diff emits none.
 */

const GESTIONNAIRE_FIELDS = ['id', 'denominationPm', 'numFinessPm', 'legalStatus', 'address'] as const;
const AUTHORITY_FIELDS = ['id', 'kind', 'department', 'name', 'region', 'address', 'catalogue'] as const;
const SIGNATORY_FIELDS = ['party', 'role', 'person'] as const;
const ESTABLISHMENT_FIELDS = [
    'id', 'nomEgeLong', 'numFinessEge', 'categorieEntiteGeographique', 'department', 'habilitationAideSociale', 'address', 'catalogue',
    'activeFile', 'publics', 'activities',
] as const;
const CAPACITY_FIELDS = ['modality', 'authorised', 'funded', 'unit'] as const;
const DIAGNOSTIC_AXES = ['activite', 'organisation', 'ressources', 'qualite'] as const;
const OBJECTIVE_FIELDS = ['id', 'title', 'description'] as const;
const ACTION_FIELDS = ['id', 'title', 'deadline', 'lead'] as const;
const INDICATOR_FIELDS = ['id', 'title', 'basedOn', 'unit', 'source', 'formula', 'direction', 'baseline'] as const;
const FUNDING_LINE_FIELDS = ['id', 'kind', 'title', 'nature', 'payer', 'fundingSource'] as const;
const ACTUALISATION_FIELDS = ['method', 'formula'] as const;
const CNR_FIELDS = ['title', 'year', 'amount', 'perDay', 'establishment', 'payer'] as const;
const MODULATION_FIELDS = [
    'fundingLine', 'criterion', 'indicator', 'abattement', 'justification', 'threshold', 'formula', 'establishments', 'referenceMeasures',
] as const;
const HEAD_OFFICE_FIELDS = ['rate', 'authorisationDate'] as const;
const DURATION_FIELDS = ['dateEffetEngagement', 'dateFinEngagement', 'dateSignatureEngagement'] as const;
const CLAUSE_FIELDS = [
    'affectationDesResultats', 'nonRespect', 'resiliation', 'conventionsTripartites', 'litiges', 'juridiction', 'revision',
] as const;
const AVENANT_FIELDS = [
    'number', 'object', 'effectDate', 'signatureDate', 'prorogationEndDate', 'endDate', 'followUp', 'modifications', 'withdrawnVisas',
    'withdrawnClauses',
] as const;

export type GestionnaireField = typeof GESTIONNAIRE_FIELDS[number];
export type AuthorityField = typeof AUTHORITY_FIELDS[number];
export type SignatoryField = typeof SIGNATORY_FIELDS[number];
export type EstablishmentField = typeof ESTABLISHMENT_FIELDS[number];
export type CapacityField = typeof CAPACITY_FIELDS[number];
export type DiagnosticAxis = typeof DIAGNOSTIC_AXES[number];
export type ObjectiveField = typeof OBJECTIVE_FIELDS[number];
export type ActionField = typeof ACTION_FIELDS[number];
export type IndicatorField = typeof INDICATOR_FIELDS[number];
export type FundingLineField = typeof FUNDING_LINE_FIELDS[number];
export type ActualisationField = typeof ACTUALISATION_FIELDS[number];
export type CnrField = typeof CNR_FIELDS[number];
export type ModulationField = typeof MODULATION_FIELDS[number];
export type HeadOfficeField = typeof HEAD_OFFICE_FIELDS[number];
export type DurationField = typeof DURATION_FIELDS[number] | 'prorogationEndDate';
export type AvenantField = typeof AVENANT_FIELDS[number];
export type ClauseField = typeof CLAUSE_FIELDS[number];

/** A place of a contract, or of an avenant (`avenant` is its number) for the parts an avenant shares with it. */
export type ChangePlace =
    | { readonly kind: 'contract-field'; readonly field: 'id' | 'title' | 'preambule' }
    | { readonly kind: 'legal-frame'; readonly frame: string }
    | { readonly kind: 'department'; readonly code: string }
    | { readonly kind: 'duration'; readonly field: DurationField }
    | { readonly kind: 'gestionnaire'; readonly field?: GestionnaireField }
    | { readonly kind: 'authority'; readonly authority: string; readonly field?: AuthorityField }
    /** One of the départements an authority over several covers. */
    | { readonly kind: 'authority-department'; readonly authority: string; readonly code: string }
    /** A visa of the contract's own, compared whole, by its kind and text. */
    | { readonly kind: 'visa'; readonly visa: string }
    /** A clause of Titre 2 the parties wrote (`clauses { … }`). */
    | { readonly kind: 'clause'; readonly clause: ClauseField }
    | { readonly kind: 'signatory'; readonly party: string; readonly field?: SignatoryField }
    | { readonly kind: 'establishment'; readonly establishment: string; readonly field?: EstablishmentField }
    | { readonly kind: 'capacity'; readonly establishment: string; readonly modality: string; readonly field?: CapacityField }
    | { readonly kind: 'tarification-authority'; readonly establishment: string; readonly authority: string }
    | { readonly kind: 'diagnostic'; readonly axis: DiagnosticAxis }
    | { readonly kind: 'axis'; readonly axis: string; readonly field?: 'id' | 'title' }
    | { readonly kind: 'objective'; readonly axis: string; readonly objective: string; readonly field?: ObjectiveField }
    | { readonly kind: 'objective-establishment'; readonly axis: string; readonly objective: string; readonly establishment: string }
    | { readonly kind: 'action'; readonly axis: string; readonly objective: string; readonly action: string; readonly field?: ActionField }
    | { readonly kind: 'action-establishment'; readonly axis: string; readonly objective: string; readonly action: string; readonly establishment: string }
    | { readonly kind: 'indicator'; readonly axis: string; readonly objective: string; readonly indicator: string; readonly field?: IndicatorField }
    | { readonly kind: 'indicator-target'; readonly axis: string; readonly objective: string; readonly indicator: string; readonly year: string }
    | { readonly kind: 'funding-line'; readonly line: string; readonly field?: FundingLineField }
    | { readonly kind: 'funding-actualisation'; readonly line: string; readonly field?: ActualisationField }
    | { readonly kind: 'funding-line-establishment'; readonly line: string; readonly establishment: string }
    | { readonly kind: 'funding-amount'; readonly line: string; readonly year: string }
    | { readonly kind: 'funding-distribution'; readonly line: string; readonly year: string }
    | { readonly kind: 'funding-share'; readonly line: string; readonly year: string; readonly establishment: string }
    | { readonly kind: 'cnr'; readonly cnr: string; readonly field?: CnrField }
    | { readonly kind: 'modulation'; readonly line: string; readonly field?: ModulationField }
    | { readonly kind: 'head-office-costs'; readonly field?: HeadOfficeField }
    | { readonly kind: 'committee'; readonly field?: 'meetingFrequency' }
    | { readonly kind: 'committee-member'; readonly member: string }
    | { readonly kind: 'management-dialogue'; readonly field?: 'frequency' }
    | { readonly kind: 'review'; readonly review: string }
    | { readonly kind: 'gmp-pmp-evaluation'; readonly year: string }
    | { readonly kind: 'transmission'; readonly document: string }
    | { readonly kind: 'avenant'; readonly number: string; readonly field?: AvenantField }
    | { readonly kind: 'avenant-withdrawal'; readonly number: string; readonly establishment: string }
    | { readonly kind: 'unknown'; readonly path: readonly string[] };

export type ChangePath = ChangePlace & {
    /** The avenant whose signatories, authorities, added establishments or funding it is in. */
    readonly avenant?: string;
};

export type ChangePathKind = ChangePath['kind'];

function oneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
    return value !== undefined && (list as readonly string[]).includes(value);
}

/** `[field]` of a known list, or nothing: the element itself. Undefined when the rest is not of that shape. */
function fieldOf<T extends string>(list: readonly T[], rest: readonly string[]): { field?: T } | undefined {
    if (rest.length === 0) return {};
    if (rest.length === 1 && oneOf(list, rest[0])) return { field: rest[0] };
    return undefined;
}

type Parsed = ChangePlace | undefined;

function parseEstablishment(rest: readonly string[]): Parsed {
    const [establishment, field, key, sub, ...more] = rest;
    if (establishment === undefined) return undefined;
    if (field === 'capacities' && key !== undefined && more.length === 0) {
        if (sub === undefined) return { kind: 'capacity', establishment, modality: key };
        return oneOf(CAPACITY_FIELDS, sub) ? { kind: 'capacity', establishment, modality: key, field: sub } : undefined;
    }
    if (field === 'tarificationAuthorities' && key !== undefined && sub === undefined) return { kind: 'tarification-authority', establishment, authority: key };
    const f = fieldOf(ESTABLISHMENT_FIELDS, rest.slice(1));
    return f && { kind: 'establishment', establishment, ...f };
}

function parseParties(rest: readonly string[]): Parsed {
    const [list, id, ...more] = rest;
    if (list === 'gestionnaire') {
        const f = fieldOf(GESTIONNAIRE_FIELDS, rest.slice(1));
        return f && { kind: 'gestionnaire', ...f };
    }
    if (id === undefined) return undefined;
    if (list === 'authorities') {
        if (more[0] === 'otherDepartments' && more[1] !== undefined && more.length === 2) return { kind: 'authority-department', authority: id, code: more[1] };
        const f = fieldOf(AUTHORITY_FIELDS, more);
        return f && { kind: 'authority', authority: id, ...f };
    }
    if (list === 'signatories') {
        const f = fieldOf(SIGNATORY_FIELDS, more);
        return f && { kind: 'signatory', party: id, ...f };
    }
    return undefined;
}

function parseAxes(rest: readonly string[]): Parsed {
    const [axis, objectives, objective, list, key, sub, year, ...more] = rest;
    if (axis === undefined) return undefined;
    if (objectives !== 'objectives') {
        const f = fieldOf(['id', 'title'] as const, rest.slice(1));
        return f && { kind: 'axis', axis, ...f };
    }
    if (objective === undefined) return undefined;
    const at = { axis, objective };
    if (list === 'establishments' && key !== undefined && sub === undefined) return { kind: 'objective-establishment', ...at, establishment: key };
    if (list === 'actions' && key !== undefined) {
        if (sub === 'establishments' && year !== undefined && more.length === 0) return { kind: 'action-establishment', ...at, action: key, establishment: year };
        const f = fieldOf(ACTION_FIELDS, rest.slice(5));
        return f && { kind: 'action', ...at, action: key, ...f };
    }
    if (list === 'indicators' && key !== undefined) {
        if (sub === 'targets' && year !== undefined && more.length === 0) return { kind: 'indicator-target', ...at, indicator: key, year };
        const f = fieldOf(INDICATOR_FIELDS, rest.slice(5));
        return f && { kind: 'indicator', ...at, indicator: key, ...f };
    }
    const f = fieldOf(OBJECTIVE_FIELDS, rest.slice(3));
    return f && { kind: 'objective', ...at, ...f };
}

function parseFunding(rest: readonly string[]): Parsed {
    const [list, key, field, sub, share, ...more] = rest;
    if (key === undefined) return undefined;
    switch (list) {
        case 'lines': {
            const line = key;
            if (field === 'establishments' && sub !== undefined && share === undefined) return { kind: 'funding-line-establishment', line, establishment: sub };
            if (field === 'amounts' && sub !== undefined && share === undefined) return { kind: 'funding-amount', line, year: sub };
            if (field === 'distributions' && sub !== undefined) {
                if (share === undefined) return { kind: 'funding-distribution', line, year: sub };
                if (share === 'shares' && more.length === 1) return { kind: 'funding-share', line, year: sub, establishment: more[0] };
                return undefined;
            }
            if (field === 'actualisation') {
                const f = fieldOf(ACTUALISATION_FIELDS, rest.slice(3));
                return f && { kind: 'funding-actualisation', line, ...f };
            }
            const f = fieldOf(FUNDING_LINE_FIELDS, rest.slice(2));
            return f && { kind: 'funding-line', line, ...f };
        }
        case 'cnr': {
            const f = fieldOf(CNR_FIELDS, rest.slice(2));
            return f && { kind: 'cnr', cnr: key, ...f };
        }
        case 'modulations': {
            const f = fieldOf(MODULATION_FIELDS, rest.slice(2));
            return f && { kind: 'modulation', line: key, ...f };
        }
        case 'headOfficeCosts': {
            const f = fieldOf(HEAD_OFFICE_FIELDS, rest.slice(2));
            return f && { kind: 'head-office-costs', ...f };
        }
    }
    return undefined;
}

function parseFollowUp(rest: readonly string[]): Parsed {
    const [list, key, field, member, ...more] = rest;
    if (key === undefined) return undefined;
    switch (list) {
        case 'committees':
            if (field === 'members' && member !== undefined && more.length === 0) return { kind: 'committee-member', member };
            return field === undefined ? { kind: 'committee' } : field === 'meetingFrequency' && member === undefined ? { kind: 'committee', field } : undefined;
        case 'managementDialogues':
            return field === undefined ? { kind: 'management-dialogue' } : field === 'frequency' && member === undefined ? { kind: 'management-dialogue', field } : undefined;
    }
    // Reviews, evaluations and transmissions are compared whole: one record per item.
    if (field !== undefined) return undefined;
    switch (list) {
        case 'reviews': return { kind: 'review', review: key };
        case 'gmpPmpEvaluations': return { kind: 'gmp-pmp-evaluation', year: key };
        case 'transmissions': return { kind: 'transmission', document: key };
    }
    return undefined;
}

/** The parts an avenant shares with the contract, and its own fields. */
function parseAvenant(rest: readonly string[]): ChangePath | undefined {
    const [number, part, key, ...more] = rest;
    if (number === undefined) return undefined;
    let place: Parsed;
    switch (part) {
        case 'signatories':
        case 'authorities':
            place = parseParties([part, ...rest.slice(2)]);
            break;
        case 'addedEstablishments':
            place = parseEstablishment(rest.slice(2));
            break;
        case 'funding':
            place = parseFunding(rest.slice(2));
            break;
        case 'withdrawnEstablishments':
            return key !== undefined && more.length === 0 ? { kind: 'avenant-withdrawal', number, establishment: key } : undefined;
        case 'modifications':
        case 'withdrawnVisas':
        case 'withdrawnClauses':
            // One `modifie X { … }` keyed by its target, one visa or clause withdrawn: each compared whole.
            return key !== undefined && more.length === 0 ? { kind: 'avenant', number, field: part } : undefined;
        case 'visas':
        case 'clauses':
            // The visas an avenant adds and the clauses it words anew: the contract's places.
            place = parse(rest.slice(1));
            break;
        default: {
            const f = fieldOf(AVENANT_FIELDS, rest.slice(1));
            return f && { kind: 'avenant', number, ...f };
        }
    }
    return place && { ...place, avenant: number };
}

function parse(path: readonly string[]): ChangePath | undefined {
    const [head, second, ...rest] = path;
    switch (head) {
        case 'id':
        case 'title':
        case 'preambule':
            return second === undefined ? { kind: 'contract-field', field: head } : undefined;
        case 'prorogationEndDate':
            return second === undefined ? { kind: 'duration', field: head } : undefined;
        case 'legalFrames':
            return second !== undefined && rest.length === 0 ? { kind: 'legal-frame', frame: second } : undefined;
        case 'departments':
            return second !== undefined && rest.length === 0 ? { kind: 'department', code: second } : undefined;
        case 'visas':
            return second !== undefined && rest.length === 0 ? { kind: 'visa', visa: second } : undefined;
        case 'clauses':
            return oneOf(CLAUSE_FIELDS, second) && rest.length === 0 ? { kind: 'clause', clause: second } : undefined;
        case 'engagement':
            // The other engagement fields repeat others and are not compared.
            return oneOf(DURATION_FIELDS, second) && rest.length === 0 ? { kind: 'duration', field: second } : undefined;
        case 'parties':
            return parseParties(path.slice(1));
        case 'perimeter':
            return second === 'establishments' ? parseEstablishment(rest) : undefined;
        case 'diagnostic':
            return oneOf(DIAGNOSTIC_AXES, second) && rest.length === 0 ? { kind: 'diagnostic', axis: second } : undefined;
        case 'axes':
            return parseAxes(path.slice(1));
        case 'funding':
            return parseFunding(path.slice(1));
        case 'followUp':
            return parseFollowUp(path.slice(1));
        case 'avenants':
            return parseAvenant(path.slice(1));
    }
    return undefined;
}

/** The place of a change record's path; `unknown` for a path of no known shape. */
export function parseChangePath(path: readonly string[]): ChangePath {
    return parse(path) ?? { kind: 'unknown', path: [...path] };
}

/** For an exhaustive `switch`: a kind of place the code does not handle does not compile. */
export function unhandledPlace(place: never): never {
    throw new Error(`unhandled change place ${JSON.stringify(place)}`);
}
