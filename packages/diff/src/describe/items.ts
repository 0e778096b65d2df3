/** Descriptions of array items added, removed, renamed, moved or changed as a whole, every element by its name. */
import { de } from '@cpom/language';
import type { ChangeRecord } from '../change.js';
import { type ChangePath, type ChangePathKind, unhandledPlace } from '../change-path.js';
import { amountChange } from './amount-change.js';
import { done, lineName } from './fields.js';
import type { ElementNames } from './names.js';
import { modificationContent } from './modification.js';
import { clauseName, isClauseField, visaName } from './clauses.js';
import { amount, capacitiesText, capacityText, date, formatValue, label, lineTotalText, NBSP, quantity, quote, REVIEWS, shown, type JsonObject } from './values.js';

/** What the describers read around a record: the record, its item, its owners by name, and two phrasings. */
interface ItemContext {
    readonly record: ChangeRecord;
    readonly items: ReadonlyMap<string, JsonObject>;
    readonly names: ElementNames;
    readonly kind: ChangeRecord['kind'];
    /** The item's identity: the last key of the path. */
    readonly name: string;
    /** The item added, removed or changed; `{}` for a rename or a move. */
    readonly value: JsonObject;
    readonly establishment: string;
    readonly objective: string;
    readonly named: string;
    readonly element: string;
    readonly action: JsonObject | undefined;
    readonly indicator: string;
    readonly line: ReturnType<typeof lineName>;
    readonly distribution: JsonObject | undefined;
    /** "ajouté à …" or "retiré de …", by the record's kind. */
    readonly toFrom: (feminine: boolean, to: string, from: string) => string;
    /** A rename: the old and new titles, or a change of the name in the source alone. */
    readonly renamed: (what: string, feminine: boolean) => string;
}

function itemContext(record: ChangeRecord, items: ReadonlyMap<string, JsonObject>, names: ElementNames): ItemContext {
    const name = record.path[record.path.length - 1];
    // A rename or a move carries no item (or only the retitled name): its fields read as missing, never as a crash.
    const side = record.kind === 'remove' ? record.old : record.new;
    const value: JsonObject = typeof side === 'object' && side !== null && !Array.isArray(side) ? side as JsonObject : {};
    const kind = record.kind;
    const named = names.quoted(name);
    return {
        record, items, names, kind, name, value, named,
        establishment: names.quotedElement(items.get('contract.perimeter.establishments[]')),
        objective: names.quotedElement(items.get('contract.axes[].objectives[]')),
        // The element by its own name, else (a move or a rename carries no element) by the identity in the path.
        element: Object.keys(value).length > 0 ? names.quotedElement(value) : named,
        action: items.get('contract.axes[].objectives[].actions[]'),
        indicator: names.quotedElement(items.get('contract.axes[].objectives[].indicators[]')),
        line: lineName(items.get('contract.funding.lines[]'), names),
        distribution: items.get('contract.funding.lines[].distributions[]'),
        toFrom: (feminine, to, from) => (kind === 'add' ? `${done('add', feminine)} ${to}` : `${done('remove', feminine)} ${from}`),
        renamed: (what, feminine) => {
            // An identifier is no word of the contract: a rename that keeps the title is said as such, without it.
            if (record.old !== undefined) return `${what} ${quote(record.old)} ${done('rename', feminine)} ${quote(record.new)}`;
            return `${what} ${names.quoted(record.to)} : nom dans le texte source changé, sans effet sur le contrat`;
        },
    };
}

type PlaceOf<K extends ChangePathKind> = Extract<ChangePath, { kind: K }>;
type ItemDescriber<K extends ChangePathKind> = (place: PlaceOf<K>, at: ItemContext) => string | undefined;
const none = (): undefined => undefined;

/** The item describers by kind of place: one entry for every kind (the compiler checks), none for a field alone. */
const ITEM_DESCRIBERS: { readonly [K in ChangePathKind]: ItemDescriber<K> } = {
    'duration': (place, { record, kind }) => {
        switch (place.field) {
            case 'prorogationEndDate':
                if (kind === 'add') return `prorogation jusqu'au ${date(record.new)} ajoutée`;
                if (kind === 'remove') return `prorogation jusqu'au ${date(record.old)} retirée`;
                return undefined;
        }
        return undefined;
    },
    'avenant': (place, { record, names, name, value, kind }) => {
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
                const target = names.quoted(value.target ?? (record.old as JsonObject | undefined)?.target);
                if (kind === 'add') return `modifie ${target} : ${modificationContent(value, names)}`;
                if (kind === 'remove') return `ne modifie plus ${target}`;
                return `modification de ${target} : ${modificationContent(record.old as JsonObject, names)} → ${modificationContent(value, names)}`;
            }
            case 'withdrawnVisas': {
                const visa = visaName(kind === 'remove' ? record.old as JsonObject : value);
                return kind === 'remove' ? `ne retire plus le ${visa}` : `retire le ${visa}`;
            }
            case 'withdrawnClauses': {
                const clause = isClauseField(name) ? clauseName(name) : quote(name);
                return kind === 'remove' ? `ne rend plus à la ${clause} sa rédaction par défaut` : `rend à la ${clause} sa rédaction par défaut`;
            }
        }
        return undefined;
    },
    'legal-frame': (_place, { name, kind }) => `cadre juridique (${label('frame', name)}) ${done(kind, false)}`,
    'department': (_place, { name, kind }) => `département ${name} ${done(kind, false)}`,
    'visa': (_place, { record, value, kind }) => `${visaName(kind === 'remove' ? record.old as JsonObject : value)} ${done(kind, false)}`,
    'authority-department': (place, { names, kind }) =>
        `département ${place.code} ${kind === 'remove' ? 'retiré du' : 'ajouté au'} territoire de l'autorité ${names.quoted(place.authority)}`,
    'authority': (place, { value, kind, element, renamed }) => {
        switch (place.field) {
            case undefined:
                if (kind === 'rename') return renamed('autorité', true);
                return `autorité ${element} ${done(kind, true)}${kind === 'add' ? ` (${label('authority', value.kind)})` : ''}`;
        }
        return undefined;
    },
    'gestionnaire': (place, { record, names, kind }) => {
        switch (place.field) {
            case 'id':
                if (kind === 'rename') return `gestionnaire ${names.quoted(record.to)} : nom dans le texte source changé, sans effet sur le contrat`;
                return undefined;
        }
        return undefined;
    },
    'signatory': (place, { value, kind, named }) => {
        switch (place.field) {
            case undefined:
                return `signataire ${named} ${done(kind, false)}${kind === 'add' && value.role ? ` (${quote(value.role)})` : ''}`;
        }
        return undefined;
    },
    'establishment': (place, { value, kind, element, renamed }) => {
        switch (place.field) {
            case undefined:
                if (kind === 'rename') return renamed('établissement', false);
                return `établissement ${element} ${done(kind, false)}${kind === 'add' || kind === 'remove' ? ` (${capacitiesText(value)})` : ''}`;
        }
        return undefined;
    },
    'capacity': (place, { value, kind, establishment }) => {
        switch (place.field) {
            case undefined: {
                const modality = value.modality ? ` ${label('modality', value.modality)}` : '';
                return kind === 'add'
                    ? `capacité${modality} de ${establishment} ajoutée : ${capacityText(value)}`
                    : `capacité${modality} de ${establishment} retirée (${capacityText(value)})`;
            }
        }
        return undefined;
    },
    'tarification-authority': (_place, { establishment, named, toFrom }) => {
        return `autorité de tarification ${named} ${toFrom(true, 'pour', 'pour')} ${establishment}`;
    },
    'axis': (place, { value, kind, element, renamed }) => {
        switch (place.field) {
            case undefined: {
                if (kind === 'rename') return renamed('axe', false);
                const count = ((value.objectives ?? []) as unknown[]).length;
                return `axe ${element} ${done(kind, false)}${kind === 'add' || kind === 'remove' ? ` (${count} objectif${count > 1 ? 's' : ''})` : ''}`;
            }
        }
        return undefined;
    },
    'objective': (place, { record, items, names, kind, element, toFrom, renamed }) => {
        switch (place.field) {
            case undefined: {
                const axis = names.quotedElement(items.get('contract.axes[]'));
                if (kind === 'move') return `objectif ${element} déplacé de l'axe ${names.quoted(record.from)} vers l'axe ${names.quoted(record.to)}`;
                if (kind === 'rename') return renamed('objectif', false);
                return `objectif ${element} ${toFrom(false, 'à l\'axe', 'de l\'axe')} ${axis}`;
            }
        }
        return undefined;
    },
    'objective-establishment': (_place, { objective, named, toFrom }) => {
        return `établissement ${named} ${toFrom(false, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
    },
    'action': (place, { value, kind, objective, toFrom, renamed }) => {
        switch (place.field) {
            case undefined:
                if (kind === 'rename') return renamed('action', true);
                return `action ${quote(value.title)} ${toFrom(true, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
        }
        return undefined;
    },
    'action-establishment': (_place, { named, action, toFrom }) => {
        return `établissement ${named} ${toFrom(false, 'à l\'action', 'de l\'action')} ${quote(action?.title)}`;
    },
    'indicator': (place, { record, names, kind, objective, element, toFrom, renamed }) => {
        switch (place.field) {
            case undefined:
                if (kind === 'move') return `indicateur ${element} déplacé de l'objectif ${names.quoted(record.from)} vers l'objectif ${names.quoted(record.to)}`;
                if (kind === 'rename') return renamed('indicateur', false);
                return `indicateur ${element} ${toFrom(false, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
        }
        return undefined;
    },
    'indicator-target': (_place, { record, name, value, kind, indicator }) => {
        if (kind === 'add') return `cible ${name} de ${indicator} ajoutée : ${quantity(value)}`;
        if (kind === 'remove') return `cible ${name} de ${indicator} retirée (${quantity(value)})`;
        return `cible ${name} de ${indicator} : ${quantity(record.old as JsonObject)} → ${quantity(record.new as JsonObject)}`;
    },
    'funding-line': (place, { items, names, value, kind, renamed }) => {
        switch (place.field) {
            case undefined: {
                const current = items.get('contract.funding.lines[]');
                if (kind === 'rename') return renamed(shown(current?.kind ?? 'financement'), current?.kind === 'dotation');
                return `${lineName(value, names).name} ${done(kind, value.kind === 'dotation')}${kind === 'add' || kind === 'remove' ? ` (${lineTotalText(value)})` : ''}`;
            }
        }
        return undefined;
    },
    'funding-line-establishment': (_place, { kind, named, line }) => {
        return `établissement ${named} ${kind === 'add' ? `ajouté ${line.to}` : `retiré ${line.of}`}`;
    },
    'funding-amount': (_place, { record, name, value, kind, line }) => {
        if (kind === 'add') return `${line.name} ${name} ${done('add', line.feminine)} : ${amount(value)}`;
        if (kind === 'remove') return `${line.name} ${name} ${done('remove', line.feminine)} (${amount(value)})`;
        return `${line.name} ${name} : ${amountChange(record.old as JsonObject, record.new as JsonObject)}`;
    },
    'funding-distribution': (_place, { name, kind, line }) => {
        return `répartition ${name} ${line.of} ${done(kind, true)}`;
    },
    'funding-share': (_place, { record, value, kind, named, line, distribution }) => {
        const where = `répartition ${shown(distribution?.year)} ${line.of}`;
        if (kind === 'add') return `${where} : part de ${named} ajoutée (${amount(value)})`;
        if (kind === 'remove') return `${where} : part de ${named} retirée (${amount(value)})`;
        return `${where}, part de ${named} : ${amountChange(record.old as JsonObject, record.new as JsonObject)}`;
    },
    'cnr': (place, { record, items, value, kind }) => {
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
    },
    'modulation': (place, { names, value, kind }) => {
        switch (place.field) {
            case undefined:
                return `modulation de ${names.quoted(value.fundingLine)} ${done(kind, true)}`;
        }
        return undefined;
    },
    'head-office-costs': (place, { value, kind }) => {
        switch (place.field) {
            case undefined:
                return `frais de siège ${done(kind, false, true)}${kind === 'add' && value.rate ? ` (taux ${quantity(value.rate as JsonObject)})` : ''}`;
        }
        return undefined;
    },
    'committee': (place, { names, value, kind }) => {
        switch (place.field) {
            case undefined:
                return `comité de suivi ${done(kind, false)}${kind === 'add' ? ` (${formatValue(value.members, 'members', names)})` : ''}`;
        }
        return undefined;
    },
    'committee-member': (_place, { named, toFrom }) => {
        return `membre ${named} ${toFrom(false, 'au', 'du')} comité de suivi`;
    },
    'management-dialogue': (place, { value, kind }) => {
        switch (place.field) {
            case undefined:
                return `dialogue de gestion ${label('frequency', value.frequency)} ${done(kind, false)}`;
        }
        return undefined;
    },
    'review': (_place, { record, names, value, kind }) => {
        const review = REVIEWS[shown(value.kind)] ?? { name: `revue ${shown(value.kind)}`, feminine: true };
        const before = record.old as JsonObject | undefined;
        if (kind === 'change' && before !== undefined && before.kind === value.kind) return `${review.name} : ${shown(before.year)} → ${shown(value.year)}`;
        if (kind === 'change') return `${formatValue(before, undefined, names)} → ${formatValue(value, undefined, names)}`;
        return `${review.name} ${shown(value.year)} ${done(kind, review.feminine)}`;
    },
    'gmp-pmp-evaluation': (_place, { record, value, kind }) => {
        if (kind === 'change') return `évaluation GMP/PMP : ${shown((record.old as JsonObject).year)} → ${shown(value.year)}`;
        return `évaluation GMP/PMP ${shown(value.year)} ${done(kind, true)}`;
    },
    'transmission': (_place, { record, value, kind }) => {
        const what = `transmission ${de(label('document', value.document))}`;
        if (kind === 'change') return `${what} : ${formatValue(record.old)} → ${formatValue(record.new)}`;
        return `${what} ${formatValue(value)} ${done(kind, true)}`;
    },
    'avenant-withdrawal': (_place, { kind, named }) => {
        return `${kind === 'add' ? 'retire aussi' : 'ne retire plus'} l'établissement ${named}`;
    },
    'contract-field': none,
    'diagnostic': none,
    'clause': none,
    'funding-actualisation': none,
    'unknown': none,
};

/** The description of an array item added, removed, renamed, moved or changed as a whole; undefined for a field. */
export function describeItem(record: ChangeRecord, place: ChangePath, items: ReadonlyMap<string, JsonObject>, names: ElementNames): string | undefined {
    const describe = ITEM_DESCRIBERS[place.kind] as ItemDescriber<ChangePathKind> | undefined;
    if (describe === undefined) return unhandledPlace(place as never);
    return describe(place, itemContext(record, items, names));
}
