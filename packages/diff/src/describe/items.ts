/** Descriptions of array items added, removed, renamed, moved or changed as a whole, every element by its name. */
import { de } from '@cpom/language';
import type { ChangeRecord } from '../change.js';
import { type ChangePath, unhandledPlace } from '../change-path.js';
import { amountChange } from './amount-change.js';
import { done, lineName } from './fields.js';
import type { ElementNames } from './names.js';
import { modificationContent } from './modification.js';
import { visaName } from './clauses.js';
import { amount, capacitiesText, capacityText, date, formatValue, label, lineTotalText, NBSP, quantity, quote, REVIEWS, shown, type JsonObject } from './values.js';

/** The description of an array item added, removed, renamed, moved or changed as a whole; undefined for a field. */
export function describeItem(record: ChangeRecord, place: ChangePath, items: ReadonlyMap<string, JsonObject>, names: ElementNames): string | undefined {
    const name = record.path[record.path.length - 1];
    // A rename or a move carries no item (or only the retitled name): its fields read as missing, never as a crash.
    const side = record.kind === 'remove' ? record.old : record.new;
    const value: JsonObject = typeof side === 'object' && side !== null && !Array.isArray(side) ? side as JsonObject : {};
    const kind = record.kind;
    const establishment = names.quotedElement(items.get('contract.perimeter.establishments[]'));
    const objective = names.quotedElement(items.get('contract.axes[].objectives[]'));
    const named = names.quoted(name);
    // The element by its own name, else (a move or a rename carries no element) by the identity in the path.
    const element = Object.keys(value).length > 0 ? names.quotedElement(value) : named;
    const action = items.get('contract.axes[].objectives[].actions[]');
    const indicator = names.quotedElement(items.get('contract.axes[].objectives[].indicators[]'));
    const line = lineName(items.get('contract.funding.lines[]'), names);
    const distribution = items.get('contract.funding.lines[].distributions[]');
    const toFrom = (feminine: boolean, to: string, from: string) => (kind === 'add' ? `${done('add', feminine)} ${to}` : `${done('remove', feminine)} ${from}`);
    const renamed = (what: string, feminine: boolean) => {
        // An identifier is no word of the contract: a rename that keeps the title is said as such, without it.
        if (record.old !== undefined) return `${what} ${quote(record.old)} ${done('rename', feminine)} ${quote(record.new)}`;
        return `${what} ${names.quoted(record.to)} : nom dans le texte source changé, sans effet sur le contrat`;
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
                    const target = names.quoted(value.target ?? (record.old as JsonObject | undefined)?.target);
                    if (kind === 'add') return `modifie ${target} : ${modificationContent(value, names)}`;
                    if (kind === 'remove') return `ne modifie plus ${target}`;
                    return `modification de ${target} : ${modificationContent(record.old as JsonObject, names)} → ${modificationContent(value, names)}`;
                }
            }
            return undefined;
        case 'legal-frame': return `cadre juridique (${label('frame', name)}) ${done(kind, false)}`;
        case 'department': return `département ${name} ${done(kind, false)}`;
        case 'visa': return `${visaName(kind === 'remove' ? record.old as JsonObject : value)} ${done(kind, false)}`;
        case 'authority-department':
            return `département ${place.code} ${kind === 'remove' ? 'retiré du' : 'ajouté au'} territoire de l'autorité ${names.quoted(place.authority)}`;
        case 'authority':
            switch (place.field) {
                case undefined:
                    if (kind === 'rename') return renamed('autorité', true);
                    return `autorité ${element} ${done(kind, true)}${kind === 'add' ? ` (${label('authority', value.kind)})` : ''}`;
            }
            return undefined;
        case 'gestionnaire':
            switch (place.field) {
                case 'id':
                    if (kind === 'rename') return `gestionnaire ${names.quoted(record.to)} : nom dans le texte source changé, sans effet sur le contrat`;
                    return undefined;
            }
            return undefined;
        case 'signatory':
            switch (place.field) {
                case undefined:
                    return `signataire ${named} ${done(kind, false)}${kind === 'add' && value.role ? ` (${quote(value.role)})` : ''}`;
            }
            return undefined;
        case 'establishment':
            switch (place.field) {
                case undefined:
                    if (kind === 'rename') return renamed('établissement', false);
                    return `établissement ${element} ${done(kind, false)}${kind === 'add' || kind === 'remove' ? ` (${capacitiesText(value)})` : ''}`;
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
            return `autorité de tarification ${named} ${toFrom(true, 'pour', 'pour')} ${establishment}`;
        case 'axis':
            switch (place.field) {
                case undefined: {
                    if (kind === 'rename') return renamed('axe', false);
                    const count = ((value.objectives ?? []) as unknown[]).length;
                    return `axe ${element} ${done(kind, false)}${kind === 'add' || kind === 'remove' ? ` (${count} objectif${count > 1 ? 's' : ''})` : ''}`;
                }
            }
            return undefined;
        case 'objective':
            switch (place.field) {
                case undefined: {
                    const axis = names.quotedElement(items.get('contract.axes[]'));
                    if (kind === 'move') return `objectif ${element} déplacé de l'axe ${names.quoted(record.from)} vers l'axe ${names.quoted(record.to)}`;
                    if (kind === 'rename') return renamed('objectif', false);
                    return `objectif ${element} ${toFrom(false, 'à l\'axe', 'de l\'axe')} ${axis}`;
                }
            }
            return undefined;
        case 'objective-establishment':
            return `établissement ${named} ${toFrom(false, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
        case 'action':
            switch (place.field) {
                case undefined:
                    if (kind === 'rename') return renamed('action', true);
                    return `action ${quote(value.title)} ${toFrom(true, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
            }
            return undefined;
        case 'action-establishment':
            return `établissement ${named} ${toFrom(false, 'à l\'action', 'de l\'action')} ${quote(action?.title)}`;
        case 'indicator':
            switch (place.field) {
                case undefined:
                    if (kind === 'move') return `indicateur ${element} déplacé de l'objectif ${names.quoted(record.from)} vers l'objectif ${names.quoted(record.to)}`;
                    if (kind === 'rename') return renamed('indicateur', false);
                    return `indicateur ${element} ${toFrom(false, 'à l\'objectif', 'de l\'objectif')} ${objective}`;
            }
            return undefined;
        case 'indicator-target':
            if (kind === 'add') return `cible ${name} de ${indicator} ajoutée : ${quantity(value)}`;
            if (kind === 'remove') return `cible ${name} de ${indicator} retirée (${quantity(value)})`;
            return `cible ${name} de ${indicator} : ${quantity(record.old as JsonObject)} → ${quantity(record.new as JsonObject)}`;
        case 'funding-line':
            switch (place.field) {
                case undefined: {
                    const current = items.get('contract.funding.lines[]');
                    if (kind === 'rename') return renamed(shown(current?.kind ?? 'financement'), current?.kind === 'dotation');
                    return `${lineName(value, names).name} ${done(kind, value.kind === 'dotation')}${kind === 'add' || kind === 'remove' ? ` (${lineTotalText(value)})` : ''}`;
                }
            }
            return undefined;
        case 'funding-line-establishment':
            return `établissement ${named} ${kind === 'add' ? `ajouté ${line.to}` : `retiré ${line.of}`}`;
        case 'funding-amount':
            if (kind === 'add') return `${line.name} ${name} ${done('add', line.feminine)} : ${amount(value)}`;
            if (kind === 'remove') return `${line.name} ${name} ${done('remove', line.feminine)} (${amount(value)})`;
            return `${line.name} ${name} : ${amountChange(record.old as JsonObject, record.new as JsonObject)}`;
        case 'funding-distribution':
            return `répartition ${name} ${line.of} ${done(kind, true)}`;
        case 'funding-share': {
            const where = `répartition ${shown(distribution?.year)} ${line.of}`;
            if (kind === 'add') return `${where} : part de ${named} ajoutée (${amount(value)})`;
            if (kind === 'remove') return `${where} : part de ${named} retirée (${amount(value)})`;
            return `${where}, part de ${named} : ${amountChange(record.old as JsonObject, record.new as JsonObject)}`;
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
                    return `modulation de ${names.quoted(value.fundingLine)} ${done(kind, true)}`;
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
                    return `comité de suivi ${done(kind, false)}${kind === 'add' ? ` (${formatValue(value.members, 'members', names)})` : ''}`;
            }
            return undefined;
        case 'committee-member':
            return `membre ${named} ${toFrom(false, 'au', 'du')} comité de suivi`;
        case 'management-dialogue':
            switch (place.field) {
                case undefined:
                    return `dialogue de gestion ${label('frequency', value.frequency)} ${done(kind, false)}`;
            }
            return undefined;
        case 'review': {
            const review = REVIEWS[shown(value.kind)] ?? { name: `revue ${shown(value.kind)}`, feminine: true };
            const before = record.old as JsonObject | undefined;
            if (kind === 'change' && before !== undefined && before.kind === value.kind) return `${review.name} : ${shown(before.year)} → ${shown(value.year)}`;
            if (kind === 'change') return `${formatValue(before, undefined, names)} → ${formatValue(value, undefined, names)}`;
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
            return `${kind === 'add' ? 'retire aussi' : 'ne retire plus'} l'établissement ${named}`;
        case 'contract-field': case 'clause': case 'diagnostic': case 'funding-actualisation': case 'unknown':
            return undefined;
        default: return unhandledPlace(place);
    }
}
