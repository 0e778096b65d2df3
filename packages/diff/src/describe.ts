/** What a change means, in French and in the contract's units: "cible 2017 de OCCUPATION : 97 % → 98 %". */
import { formatDate, formatEuros, formatNumber, parseIsoDate } from '@cpom/language';
import type { ChangeRecord, DiffSummary } from './change.js';

type JsonObject = Record<string, unknown>;

const NNBSP = '\u202F';

export function formatEurosValue(euros: number): string {
    return formatEuros(Math.round(euros * 100));
}

/** A JSON value as the contract would write it. */
export function formatValue(value: unknown, field?: string): string {
    if (value === undefined || value === null) return '—';
    if (typeof value === 'number') {
        return field === 'amount' ? formatEurosValue(value) : formatNumber(value);
    }
    if (typeof value === 'string') {
        const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseIsoDate(value) : undefined;
        return date ? formatDate(date, 'fr') : value;
    }
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (Array.isArray(value)) return value.map(v => formatValue(v)).join(', ');
    const object = value as JsonObject;
    if ('value' in object && 'unit' in object) {
        const unit = object.unit === 'percent' ? '%' : object.unit === 'EUR' ? '€' : String(object.unit);
        return `${formatNumber(Number(object.value))}${NNBSP}${unit}`;
    }
    if ('amount' in object && typeof object.amount === 'number') {
        return `${formatEurosValue(object.amount)}${object.perDay ? ' par jour' : ''}`;
    }
    if ('id' in object) return String(object.id);
    return JSON.stringify(value);
}

function places(establishment: JsonObject): number {
    return ((establishment.capacities ?? []) as JsonObject[]).reduce((sum, c) => sum + (Number(c.authorised) || 0), 0);
}

function lineTotal(line: JsonObject): string {
    const amounts = (line.amounts ?? []) as JsonObject[];
    if (amounts.some(a => a.perDay)) return 'tarif journalier';
    return formatEurosValue(amounts.reduce((sum, a) => sum + (Number(a.amount) || 0), 0));
}

function change(record: ChangeRecord, field?: string): string {
    return `${formatValue(record.old, field)} → ${formatValue(record.new, field)}`;
}

function delta(record: ChangeRecord): string {
    if (typeof record.old === 'number' && typeof record.new === 'number') {
        const diff = record.new - record.old;
        return ` (${diff >= 0 ? '+' : '−'}${formatEurosValue(Math.abs(diff))})`;
    }
    return '';
}

const KIND_WORDS = { add: 'ajouté', remove: 'retiré', change: 'modifié', rename: 'renommé', move: 'déplacé' } as const;

/** The description of a change, from what was changed (its pattern) and the items around it. */
export function describeChange(record: ChangeRecord, pattern: string, items: ReadonlyMap<string, JsonObject>): string {
    const establishment = items.get('contract.perimeter.establishments[]');
    const objective = items.get('contract.axes[].objectives[]');
    const indicator = items.get('contract.axes[].objectives[].indicators[]');
    const line = items.get('contract.funding.lines[]');
    const name = record.path[record.path.length - 1];
    const field = pattern.split('.').pop()!;
    const lineName = line ? `${String(line.kind ?? 'financement')} ${String(line.id)}` : '';

    switch (pattern) {
        case 'contract.perimeter.establishments[]':
            if (record.kind === 'add') return `établissement ${name} ajouté (${formatNumber(places(record.new as JsonObject))} places)`;
            if (record.kind === 'remove') return `établissement ${name} retiré (${formatNumber(places(record.old as JsonObject))} places)`;
            if (record.kind === 'rename') return `établissement ${record.from} renommé ${record.to}`;
            break;
        case 'contract.perimeter.establishments[].capacities[].authorised':
        case 'contract.perimeter.establishments[].capacities[].funded':
            return `capacité ${field === 'funded' ? 'financée' : 'autorisée'} de ${String(establishment?.id)} : ${change(record)} places`;
        case 'contract.perimeter.establishments[].capacities[]':
            return `capacité ${name} de ${String(establishment?.id)} ${record.kind === 'add' ? 'ajoutée' : 'retirée'}`;
        case 'contract.perimeter.establishments[].numFinessEge':
            return `FINESS de ${String(establishment?.id)} : ${change(record)}`;
        case 'contract.perimeter.establishments[].tarificationAuthorities[]':
            return `autorité de tarification ${name} ${record.kind === 'add' ? 'ajoutée' : 'retirée'} pour ${String(establishment?.id)}`;
        case 'contract.axes[]':
            return `axe ${name} ${KIND_WORDS[record.kind]}`;
        case 'contract.axes[].objectives[]':
            if (record.kind === 'move') return `objectif ${name} déplacé de l'axe ${record.from} vers l'axe ${record.to}`;
            return `objectif ${name} ${KIND_WORDS[record.kind]}`;
        case 'contract.axes[].objectives[].indicators[]':
            return `indicateur ${name} ${KIND_WORDS[record.kind]}${objective ? ` (objectif ${String(objective.id)})` : ''}`;
        case 'contract.axes[].objectives[].indicators[].targets[]':
            return `cible ${name} de ${String(indicator?.id)} ${record.kind === 'add' ? `ajoutée : ${formatValue((record.new as JsonObject).value)}` : `supprimée (${formatValue((record.old as JsonObject).value)})`}`;
        case 'contract.axes[].objectives[].indicators[].targets[].value':
            return `cible ${record.path[record.path.length - 2]} de ${String(indicator?.id)} : ${change(record)}`;
        case 'contract.axes[].objectives[].indicators[].baseline':
        case 'contract.axes[].objectives[].indicators[].baseline.value':
        case 'contract.axes[].objectives[].indicators[].baseline.year':
            return `référence de ${String(indicator?.id)} : ${change(record)}`;
        case 'contract.funding.lines[]':
            if (record.kind === 'add') return `${String((record.new as JsonObject).kind ?? 'financement')} ${name} ajouté (${lineTotal(record.new as JsonObject)} sur la durée)`;
            if (record.kind === 'remove') return `${String((record.old as JsonObject).kind ?? 'financement')} ${name} retiré (${lineTotal(record.old as JsonObject)} sur la durée)`;
            break;
        case 'contract.funding.lines[].amounts[]':
            return `${lineName} ${name} : ${formatValue(record.new ?? record.old)} ${record.kind === 'add' ? 'ajouté' : 'retiré'}`;
        case 'contract.funding.lines[].amounts[].amount':
            return `${lineName} ${record.path[record.path.length - 2]} : ${change(record, 'amount')}${delta(record)}`;
        case 'contract.funding.lines[].distributions[].shares[].amount':
            return `répartition ${record.path[record.path.length - 4]} de ${String(line?.id)} pour ${record.path[record.path.length - 2]} : ${change(record, 'amount')}${delta(record)}`;
        case 'contract.funding.lines[].payer':
            return `financeur de ${String(line?.id)} : ${change(record)}`;
        case 'contract.engagement.dateEffetEngagement':
            return `date d'effet : ${change(record)}`;
        case 'contract.engagement.dateFinEngagement':
            return `fin du contrat : ${change(record)}`;
        case 'contract.engagement.dateSignatureEngagement':
            return `date de signature : ${change(record)}`;
        case 'contract.parties.signatories[]':
            return `signataire ${name} ${KIND_WORDS[record.kind]}`;
        case 'contract.avenants[]':
            return `avenant n° ${name} ${KIND_WORDS[record.kind]}`;
    }
    if (field === 'prorogationEndDate') return `prorogation : ${change(record)}`;
    const where = record.path.join(' › ');
    switch (record.kind) {
        case 'add': return `${where} : ${formatValue(record.new, field)} ajouté`;
        case 'remove': return `${where} : ${formatValue(record.old, field)} retiré`;
        case 'rename': return `${where} : renommé de ${record.from} en ${record.to}`;
        case 'move': return `${where} : déplacé de ${record.from} vers ${record.to}`;
        default: return `${where} : ${change(record, field)}`;
    }
}

/** "3 établissements ajoutés, 12 cibles modifiées, financement +2,1 %". */
export function headline(summary: Omit<DiffSummary, 'headline'>, fundingChangesShown = 0): string {
    const parts: string[] = [];
    const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
    if (summary.establishmentsAdded > 0) parts.push(plural(summary.establishmentsAdded, 'établissement ajouté', 'établissements ajoutés'));
    if (summary.establishmentsRemoved > 0) parts.push(plural(summary.establishmentsRemoved, 'établissement retiré', 'établissements retirés'));
    if (summary.targetsChanged > 0) parts.push(plural(summary.targetsChanged, 'cible modifiée', 'cibles modifiées'));
    if (summary.fundingOld !== summary.fundingNew) {
        const percent = summary.fundingOld === 0 ? undefined : ((summary.fundingNew - summary.fundingOld) / summary.fundingOld) * 100;
        const sign = summary.fundingNew >= summary.fundingOld ? '+' : '−';
        parts.push(percent === undefined
            ? `financement ${sign}${formatEurosValue(Math.abs(summary.fundingNew - summary.fundingOld))}`
            : `financement ${sign}${formatNumber(Math.round(Math.abs(percent) * 10) / 10)}${NNBSP}%`);
    }
    const others = summary.substantive - summary.establishmentsAdded - summary.establishmentsRemoved - summary.targetsChanged - fundingChangesShown;
    if (others > 0 && parts.length === 0) parts.push(plural(summary.substantive, 'changement de fond', 'changements de fond'));
    else if (others > 0) parts.push(plural(others, 'autre changement de fond', 'autres changements de fond'));
    if (summary.editorial > 0) parts.push(plural(summary.editorial, 'changement rédactionnel', 'changements rédactionnels'));
    return parts.length === 0 ? 'aucun changement' : parts.join(', ');
}
