/** What a field of the contract is called in a change record, with its owner by name, and how its values read. */
import type { ChangeRecord } from '../change.js';
import { type ChangePath, type ChangePathKind, unhandledPlace } from '../change-path.js';
import type { ElementNames } from './names.js';
import { date, formatValue, label, NBSP, numberText, quantity, quote, shown, type JsonObject } from './values.js';

export const KIND_WORDS = {
    add: ['ajouté', 'ajoutée'], remove: ['retiré', 'retirée'], change: ['modifié', 'modifiée'],
    rename: ['renommé', 'renommée'], move: ['déplacé', 'déplacée'],
} as const;

export function done(kind: ChangeRecord['kind'], feminine: boolean, plural = false): string {
    return KIND_WORDS[kind][feminine ? 1 : 0] + (plural ? 's' : '');
}

export interface Field {
    /** The field's name with its owner: "capacité autorisée de « ESAT Lyon »". */
    readonly name: string;
    readonly feminine: boolean;
    /** How its values read; long texts have none (the description says "modifié"). */
    readonly format?: (value: unknown) => string;
}

export const text = undefined;
export const asQuoted = (v: unknown) => quote(v);
export const asCode = (v: unknown) => shown(v);
export const asDate = (v: unknown) => date(v);

/** The funding line around a record: `dotation « Dotation globale commune »`, with its gender. */
export function lineName(line: JsonObject | undefined, names: ElementNames): { name: string; feminine: boolean; of: string; to: string } {
    const kind = shown(line?.kind ?? 'financement');
    const feminine = kind === 'dotation';
    const name = `${kind} ${names.quotedElement(line)}`;
    return { name, feminine, of: `${feminine ? 'de la' : 'du'} ${name}`, to: `${feminine ? 'à la' : 'au'} ${name}` };
}

/** What the describers read around a record: its owners by name, and how capacities and names read. */
interface FieldContext {
    readonly establishment: string;
    readonly authority: string;
    readonly signatory: string;
    readonly objective: string;
    readonly actionName: string;
    readonly indicator: string;
    readonly line: ReturnType<typeof lineName>;
    readonly cnr: JsonObject | undefined;
    readonly cnrName: string;
    readonly modulation: string;
    readonly modality: string;
    readonly units: (value: unknown) => string;
    readonly avenant: string;
    readonly asName: (value: unknown) => string;
    readonly names: ElementNames;
}

function fieldContext(items: ReadonlyMap<string, JsonObject>, names: ElementNames): FieldContext {
    const action = items.get('contract.axes[].objectives[].actions[]');
    const cnr = items.get('contract.funding.cnr[]');
    const capacity = items.get('contract.perimeter.establishments[].capacities[]');
    return {
        establishment: names.quotedElement(items.get('contract.perimeter.establishments[]')),
        authority: names.quotedElement(items.get('contract.parties.authorities[]')),
        signatory: names.quoted(items.get('contract.parties.signatories[]')?.party),
        objective: names.quotedElement(items.get('contract.axes[].objectives[]')),
        actionName: action ? quote(action.title) : '',
        indicator: names.quotedElement(items.get('contract.axes[].objectives[].indicators[]')),
        line: lineName(items.get('contract.funding.lines[]'), names),
        cnr,
        cnrName: cnr ? `du CNR ${quote(cnr.title)} ${shown(cnr.year)}` : '',
        modulation: `de la modulation de ${names.quoted(items.get('contract.funding.modulations[]')?.fundingLine)}`,
        modality: capacity?.modality ? ` (${label('modality', capacity.modality)})` : '',
        units: (v: unknown) => `${numberText(v)} ${shown(capacity?.unit ?? 'places')}`,
        avenant: `de l'avenant n°${NBSP}${shown(items.get('contract.avenants[]')?.number)}`,
        asName: (v: unknown) => names.quoted(v),
        names,
    };
}

const f = (name: string, feminine: boolean, format?: (value: unknown) => string): Field => ({ name, feminine, format });
const none = (): undefined => undefined;

type PlaceOf<K extends ChangePathKind> = Extract<ChangePath, { kind: K }>;
type FieldDescriber<K extends ChangePathKind> = (place: PlaceOf<K>, at: FieldContext) => Field | undefined;

/** The field describers by kind of place: one entry for every kind (the compiler checks), none for a whole item. */
const FIELD_DESCRIBERS: { readonly [K in ChangePathKind]: FieldDescriber<K> } = {
    'contract-field': (place) => {
        switch (place.field) {
            case 'id': return f('nom du contrat dans le texte source', false, text);
            case 'title': return f('intitulé du contrat', false, asQuoted);
            case 'preambule': return f('préambule', false, text);
        }
        return undefined;
    },
    'duration': (place) => {
        switch (place.field) {
            case 'dateEffetEngagement': return f('date d\'effet', true, asDate);
            case 'dateFinEngagement': return f('fin du contrat', true, asDate);
            case 'dateSignatureEngagement': return f('date de signature', true, asDate);
            case 'prorogationEndDate': return f('fin de la prorogation', true, asDate);
        }
        return undefined;
    },
    'gestionnaire': (place) => {
        switch (place.field) {
            case undefined: return f('gestionnaire', false, v => quote((v as JsonObject).denominationPm));
            case 'id': return f('nom du gestionnaire dans le texte source', false, text);
            case 'denominationPm': return f('dénomination du gestionnaire', true, asQuoted);
            case 'numFinessPm': return f('FINESS du gestionnaire', false, asCode);
            case 'legalStatus': return f('statut du gestionnaire', false, v => label('status', v));
            case 'address': return f('adresse du gestionnaire', true, asQuoted);
        }
        return undefined;
    },
    'authority': (place, { authority, asName }) => {
        switch (place.field) {
            case 'name': return f('nom d\'une autorité', false, asQuoted);
            case 'kind': return f(`type de l'autorité ${authority}`, false, v => label('authority', v));
            case 'department': return f(`département de l'autorité ${authority}`, false, asCode);
            case 'region': return f(`région de l'autorité ${authority}`, true, asQuoted);
            case 'address': return f(`adresse de l'autorité ${authority}`, true, asQuoted);
            case 'catalogue': return f(`catalogue de l'autorité ${authority}`, false, asName);
        }
        return undefined;
    },
    'signatory': (place, { signatory }) => {
        switch (place.field) {
            case 'role': return f(`qualité du signataire ${signatory}`, true, asQuoted);
            case 'person': return f(`personne qui signe pour ${signatory}`, true, asQuoted);
        }
        return undefined;
    },
    'establishment': (place, { establishment, asName, names }) => {
        switch (place.field) {
            case 'nomEgeLong': return f('nom d\'un établissement', false, asQuoted);
            case 'numFinessEge': return f(`FINESS de ${establishment}`, false, asCode);
            case 'categorieEntiteGeographique': return f(`catégorie de ${establishment}`, true, v => formatValue(v, undefined, names));
            case 'department': return f(`département de ${establishment}`, false, asCode);
            case 'habilitationAideSociale': return f(`habilitation à l'aide sociale de ${establishment}`, true, v => formatValue(v, undefined, names));
            case 'address': return f(`adresse de ${establishment}`, true, asQuoted);
            case 'catalogue': return f(`catalogue de ${establishment}`, false, asName);
        }
        return undefined;
    },
    'capacity': (place, { establishment, modality, units }) => {
        switch (place.field) {
            case 'authorised': return f(`capacité autorisée${modality} de ${establishment}`, true, units);
            case 'funded': return f(`capacité financée${modality} de ${establishment}`, true, units);
            case 'unit': return f(`unité de la capacité${modality} de ${establishment}`, true, asCode);
        }
        return undefined;
    },
    'axis': (place) => {
        switch (place.field) {
            case 'title': return f('intitulé d\'un axe', false, asQuoted);
        }
        return undefined;
    },
    'objective': (place, { objective }) => {
        switch (place.field) {
            case 'title': return f('intitulé d\'un objectif', false, asQuoted);
            case 'description': return f(`description de l'objectif ${objective}`, true, text);
        }
        return undefined;
    },
    'action': (place, { objective, actionName }) => {
        switch (place.field) {
            case 'title': return f(`intitulé d'une action de l'objectif ${objective}`, false, asQuoted);
            case 'id': return f(`nom de l'action ${actionName} dans le texte source`, false, text);
            case 'deadline': return f(`échéance de l'action ${actionName}`, true, asDate);
            case 'lead': return f(`pilote de l'action ${actionName}`, false, asQuoted);
        }
        return undefined;
    },
    'indicator': (place, { indicator, asName }) => {
        switch (place.field) {
            case 'title': return f('intitulé d\'un indicateur', false, asQuoted);
            case 'basedOn': return f(`indicateur de catalogue de ${indicator}`, false, asName);
            case 'unit': return f(`unité de ${indicator}`, true, asQuoted);
            case 'source': return f(`source de ${indicator}`, true, asQuoted);
            case 'formula': return f(`formule de ${indicator}`, true, text);
            case 'direction': return f(`sens de ${indicator}`, false, v => label('direction', v));
            case 'baseline': return f(`référence de ${indicator}`, true, v => `${quantity(v as JsonObject)} en ${shown((v as JsonObject).year)}`);
        }
        return undefined;
    },
    'funding-line': (place, { line, asName }) => {
        switch (place.field) {
            case 'title': return f(`intitulé d'${line.feminine ? 'une dotation' : 'un financement'}`, false, asQuoted);
            case 'kind': return f(`type ${line.of}`, false, asCode);
            case 'nature': return f(`nature ${line.of}`, true, v => label('nature', v));
            case 'payer': return f(`financeur ${line.of}`, false, asName);
            case 'fundingSource': return f(`financement ${line.of}`, false, v => label('source', v));
        }
        return undefined;
    },
    'funding-actualisation': (place, { line, names }) => {
        switch (place.field) {
            case undefined: return f(`actualisation ${line.of}`, true, v => formatValue(v, undefined, names));
            case 'method': return f(`actualisation ${line.of}`, true, v => label('indexation', v));
            case 'formula': return f(`précision de l'actualisation ${line.of}`, true, text);
        }
        return undefined;
    },
    'cnr': (place, { cnr, cnrName, asName }) => {
        switch (place.field) {
            case 'title': return f(`intitulé du CNR ${shown(cnr?.year)}`, false, asQuoted);
            case 'year': return f(`année du CNR ${quote(cnr?.title)}`, true, asCode);
            case 'establishment': return f(`bénéficiaire ${cnrName}`, false, asName);
            case 'payer': return f(`financeur ${cnrName}`, false, asName);
        }
        return undefined;
    },
    'modulation': (place, { modulation, asName }) => {
        switch (place.field) {
            case 'criterion': return f(`critère ${modulation}`, false, v => label('criterion', v));
            case 'indicator': return f(`indicateur ${modulation}`, false, asName);
            case 'abattement': return f(`abattement maximal ${modulation}`, false, v => quantity(v as JsonObject));
            case 'justification': return f(`justification ${modulation}`, true, text);
        }
        return undefined;
    },
    'head-office-costs': (place) => {
        switch (place.field) {
            case 'rate': return f('taux des frais de siège', false, v => quantity(v as JsonObject));
            case 'authorisationDate': return f('date d\'autorisation des frais de siège', true, asDate);
        }
        return undefined;
    },
    'committee': (place) => {
        switch (place.field) {
            case 'meetingFrequency': return f('fréquence de réunion du comité de suivi', true, v => label('frequency', v));
        }
        return undefined;
    },
    'management-dialogue': (place) => {
        switch (place.field) {
            case 'frequency': return f('fréquence du dialogue de gestion', true, v => label('frequency', v));
        }
        return undefined;
    },
    'avenant': (place, { avenant }) => {
        switch (place.field) {
            case 'object': return f(`objet ${avenant}`, false, text);
            case 'effectDate': return f(`date d'effet ${avenant}`, true, asDate);
            case 'signatureDate': return f(`date de signature ${avenant}`, true, asDate);
            case 'prorogationEndDate': return f(`fin de la prorogation ${avenant}`, true, asDate);
            case 'endDate': return f(`fin du contrat fixée par ${avenant.replace(/^de /, '')}`, true, asDate);
            case 'followUp': return f(`suivi modifié par ${avenant.replace(/^de /, '')}`, false, v => formatValue(v));
        }
        return undefined;
    },
    'diagnostic': (place) => f(`diagnostic (${label('diagnostic', place.axis)})`, false, text),
    'legal-frame': none,
    'department': none,
    'tarification-authority': none,
    'objective-establishment': none,
    'action-establishment': none,
    'indicator-target': none,
    'funding-line-establishment': none,
    'funding-amount': none,
    'funding-distribution': none,
    'funding-share': none,
    'committee-member': none,
    'review': none,
    'gmp-pmp-evaluation': none,
    'transmission': none,
    'avenant-withdrawal': none,
    'unknown': none,
};

/** The label of a field (or of a part compared whole, such as an actualisation), by its place. */
export function fieldOf(place: ChangePath, items: ReadonlyMap<string, JsonObject>, names: ElementNames): Field | undefined {
    const describe = FIELD_DESCRIBERS[place.kind] as FieldDescriber<ChangePathKind> | undefined;
    if (describe === undefined) return unhandledPlace(place as never);
    return describe(place, fieldContext(items, names));
}
