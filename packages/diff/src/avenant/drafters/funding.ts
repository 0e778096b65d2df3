/** The article on the means of the contract: funding lines, yearly amounts, distributions, CNR, modulation, frais de siège. */
import {
    type Block, criterionLabel, type HeadOfficeCostsJson, type FundingLineJson, indexationLabel, MISSING, orMissing, natureLabel, paragraph, ref, sourceLabel,
} from '@cpom/generator';
import { keywordLabel, lineTotal } from '@cpom/language';
import type { ChangeRecord } from '../../change.js';
import { jsonAmountFigures } from '../../funding-totals.js';
import { amountText, capitalise, de, establishmentNoun, eurosText, frenchDate, fundingNoun, joinFr, quantityText, quote, to } from '../context.js';
import { clause, type DraftContext, type DraftedArticle, FINANCIAL_ANNEX, isObject, unworded } from './draft-context.js';
import { unhandledPlace } from '../../change-path.js';
import type { ChangeGroup, FundingPlace } from '../groups.js';

type FundingGroup = Extract<ChangeGroup, { kind: 'funding' }>;
type LinePlace = Extract<FundingPlace, { kind: 'funding-line' | 'funding-actualisation' | 'funding-line-establishment' | 'funding-distribution' | 'funding-share' }>;

const LINE_FIELDS = { id: 'l\'identifiant', kind: 'le type', title: 'l\'intitulé' } as const;

/** A change of a funding line, but its yearly amounts (said together, in sentences or a table). */
function lineItem(ctx: DraftContext, c: ChangeRecord, place: LinePlace): string {
    const whole = place.kind === 'funding-line' && place.field === undefined;
    const line = ctx.versions.fundingLine(place.line, c.kind === 'remove' && whole ? 'before' : 'after') ?? ctx.versions.fundingLine(place.line);
    if (!line) return unworded(c);
    const { noun, e } = fundingNoun(line);
    switch (place.kind) {
        case 'funding-line':
            switch (place.field) {
                case undefined:
                    if (c.kind === 'add') return `${noun} (${lineDetails(ctx, line)}) est ajouté${e}${lineTotalText(line)}`;
                    if (c.kind === 'remove') return `${noun} est supprimé${e}`;
                    return `${noun} est désormais désigné${e} sous l'identifiant ${c.to ?? place.line}`;
                case 'payer':
                    return `le financeur ${de(noun)} est désormais ${quote(ctx.versions.partyName(String(c.new ?? '')))}`;
                case 'nature':
                    return `${noun} est désormais de nature : ${natureLabel(String(c.new ?? ''))}`;
                case 'fundingSource':
                    return `${noun} relève désormais du financement : ${sourceLabel(String(c.new ?? ''))}`;
                case 'id':
                case 'kind':
                case 'title':
                    return c.new !== undefined ? `${LINE_FIELDS[place.field]} ${de(noun)} est : ${String(c.new)}` : `${LINE_FIELDS[place.field]} ${de(noun)} n'est plus précisé`;
                default:
                    return unhandledPlace(place);
            }
        case 'funding-line-establishment': {
            const key = String(c.new ?? c.old ?? place.establishment);
            const target = establishmentNoun(ctx.versions.establishment(key), ctx.versions.establishment(key)?.nomEgeLong ?? key);
            return c.kind === 'add' ? `${target} est ajouté aux établissements financés par ${noun}` : `${target} est retiré des établissements financés par ${noun}`;
        }
        case 'funding-actualisation': {
            const actualisation = ctx.versions.fundingLine(place.line, 'after')?.actualisation;
            return actualisation
                ? `${noun} est actualisé${e} selon le ${indexationLabel(actualisation.method)}${actualisation.formula ? ` (${actualisation.formula})` : ''}`
                : `les modalités d'actualisation ${de(noun)} sont supprimées`;
        }
        case 'funding-distribution':
        case 'funding-share': {
            const exists = ctx.versions.fundingLine(place.line, 'after')?.distributions.some(d => String(d.year) === place.year);
            return exists
                ? `la répartition ${place.year} ${de(noun)} entre les établissements est fixée par l'annexe financière jointe au présent avenant`
                : `la répartition ${place.year} ${de(noun)} entre les établissements est supprimée`;
        }
        default:
            return unhandledPlace(place);
    }
}

interface ModulationValue { fundingLine?: string; criterion?: string; indicator?: string; abattement?: { value: number; unit?: 'percent' } }

function modulationItem(ctx: DraftContext, c: ChangeRecord, place: Extract<FundingPlace, { kind: 'modulation' }>): string {
    const m: ModulationValue = place.field === undefined && isObject(c.new ?? c.old) ? (c.new ?? c.old) as ModulationValue : { fundingLine: place.line };
    const line = ctx.versions.fundingLine(m.fundingLine ?? place.line);
    const target = line ? fundingNoun(line).noun : quote(m.fundingLine ?? place.line);
    const modulation = `la modulation selon l'activité ${de(target)}`;
    switch (place.field) {
        case undefined:
            return c.kind === 'add'
                ? `${target} peut être modulé${line ? fundingNoun(line).e : ''} selon l'activité (article R. 314-43-2 du code de l'action sociale et des familles), sur le critère du ${criterionLabel(m.criterion)}${m.abattement ? `, par un abattement au plus égal à ${quantityText(m.abattement)} de l'écart entre la cible et l'activité réalisée` : ''}`
                : `${modulation} ${m.criterion ? `sur le critère du ${criterionLabel(m.criterion)} ` : ''}est supprimée`;
        case 'criterion':
            return `${modulation} porte désormais sur le critère du ${criterionLabel(c.new === undefined ? undefined : String(c.new))}`;
        case 'abattement':
            return isObject(c.new)
                ? `l'abattement de ${modulation} est au plus égal à ${quantityText(c.new as { value: number; unit?: 'percent' })} de l'écart entre la cible et l'activité réalisée`
                : `l'abattement maximal de ${modulation} n'est plus précisé`;
        case 'indicator':
            return c.new !== undefined ? `${modulation} est mesurée par l'indicateur ${String(c.new)}` : `${modulation} n'est plus mesurée par un indicateur du contrat`;
        case 'justification':
            return c.new !== undefined ? `la justification de ${modulation} est : ${String(c.new)}` : `la justification de ${modulation} est supprimée`;
        case 'fundingLine':
            return `${modulation} porte désormais sur ${target}`;
        case 'threshold':
            return isObject(c.new)
                ? `le seuil de ${modulation} est de ${quantityText(c.new as { value: number; unit?: 'percent' })}`
                : `le seuil de ${modulation} n'est plus précisé`;
        case 'formula':
            return c.new !== undefined
                ? `la minoration résultant de ${modulation} est égale à ${keywordLabel('ModulationFormula', String(c.new)) ?? String(c.new)}`
                : `la formule de ${modulation} n'est plus précisée`;
        case 'establishments': {
            const list = Array.isArray(c.new) ? c.new.map(e => quote(ctx.versions.establishmentAfter(String(e))?.nomEgeLong ?? String(e))) : [];
            return list.length > 0 ? `${modulation} s'applique à ${joinFr(list)}` : `${modulation} s'applique à chacun des établissements du financement`;
        }
        case 'referenceMeasures': {
            const measures = Array.isArray(c.new) ? c.new.filter(isObject).map(m => {
                const measure = isObject(m.measure) ? quantityText(m.measure as { value: number; unit?: 'percent' }) : MISSING.value;
                const e = m.establishment !== undefined ? ctx.versions.establishmentAfter(String(m.establishment))?.nomEgeLong : undefined;
                return `${measure} en ${String(m.year)}${e ? ` (${quote(e)})` : ''}`;
            }) : [];
            return measures.length > 0 ? `la mesure d'activité de référence de ${modulation} est : ${joinFr(measures)}` : `la mesure d'activité de référence de ${modulation} n'est plus précisée`;
        }
        default:
            return unhandledPlace(place.field);
    }
}

export function funding(ctx: DraftContext, group: FundingGroup): DraftedArticle {
    ctx.fundingChanged = true;
    const items: string[] = [];
    const amountRows = new Map<string, { line: string; year: number }>();
    let headOffice = false;
    for (const { change: c, place } of group.placed) {
        switch (place.kind) {
            case 'funding-amount':
                if (Number.isInteger(Number(place.year))) amountRows.set(`${place.line} ${place.year}`, { line: place.line, year: Number(place.year) });
                else items.push(unworded(c));
                break;
            case 'funding-line':
            case 'funding-actualisation':
            case 'funding-line-establishment':
            case 'funding-distribution':
            case 'funding-share':
                items.push(lineItem(ctx, c, place));
                break;
            case 'cnr':
                items.push(cnrItem(ctx, c, place));
                break;
            case 'modulation':
                items.push(modulationItem(ctx, c, place));
                break;
            case 'head-office-costs':
                headOffice = true;
                break;
            default:
                unhandledPlace(place);
        }
    }
    if (headOffice) items.push(...headOfficeItems(ctx));
    const rows = [...amountRows.values()].map(({ line, year }) => {
        const oldLine = ctx.versions.fundingLine(line, 'before');
        const newLine = ctx.versions.fundingLine(line, 'after');
        return {
            line: (newLine ?? oldLine)!,
            year,
            before: oldLine?.amounts.find(a => a.year === year),
            after: newLine?.amounts.find(a => a.year === year),
        };
    }).filter(r => r.line !== undefined);
    const blocks: Block[] = [];
    const intro = `${capitalise(ctx.refs.article('moyens'))} est modifié comme suit :`;
    // A few amounts read best as sentences; more as a table.
    if (rows.length <= 2) {
        for (const r of rows) {
            const { noun } = fundingNoun(r.line);
            items.push(r.before && r.after
                ? `le montant ${r.year} ${de(noun)} est porté de ${amountText(r.before)} à ${amountText(r.after)}`
                : r.after
                    ? `un montant de ${amountText(r.after)} est alloué en ${r.year} au titre ${de(noun)}`
                    : `le montant ${r.year} ${de(noun)} (${amountText(r.before)}) est supprimé`);
        }
        blocks.push(...clause(intro, items));
    } else {
        if (items.length > 0) blocks.push(...clause(intro, items), paragraph('Les montants annuels sont modifiés comme suit :'));
        else blocks.push(paragraph(`${intro} les montants annuels sont modifiés conformément au tableau ci-après.`));
        blocks.push({
            kind: 'table', caption: 'Montants annuels modifiés',
            columns: [{ label: 'Financement' }, { label: 'Année', align: 'center' }, { label: 'Montant antérieur', align: 'right' }, { label: 'Nouveau montant', align: 'right' }],
            rows: rows.map(r => [orMissing(r.line.title, MISSING.title), String(r.year), amountText(r.before), amountText(r.after)]),
        });
    }
    blocks.push(paragraph(`${capitalise(ctx.refs.annex('annexe-financiere'))} est remplacée par l'annexe jointe au présent avenant (`, ref(FINANCIAL_ANNEX), ').'));
    const oldTotal = ctx.diff.summary.fundingOld;
    const newTotal = ctx.diff.summary.fundingNew;
    // "hors tarifs journaliers" only when a version has a tariff line, which the totals leave out.
    const tariffs = [ctx.before, ctx.after].some(v => (v.funding?.lines ?? []).some(l => lineTotal(jsonAmountFigures(l)).kind === 'daily'));
    const purpose = oldTotal !== newTotal
        ? `la modification des moyens alloués (montant total sur la durée du contrat porté de ${eurosText(oldTotal)} à ${eurosText(newTotal)}${tariffs ? ', hors tarifs journaliers' : ''})`
        : 'la modification des moyens alloués';
    return { title: 'Moyens du contrat', blocks, purpose };
}

export function lineDetails(ctx: DraftContext, line: FundingLineJson): string {
    return [
        line.nature ? natureLabel(line.nature) : '',
        line.payer ? `financeur : ${quote(ctx.versions.partyName(line.payer))}` : '',
        line.establishments.length > 0 ? `établissements financés : ${joinFr(line.establishments.map(e => quote(ctx.versions.establishmentTitle(e))))}` : '',
    ].filter(Boolean).join(' ; ');
}

/** The line's total as the funding model defines it (`lineTotal` of @cpom/language): tariff lines have none. */
export function lineTotalText(line: FundingLineJson): string {
    const total = lineTotal(jsonAmountFigures(line));
    if (total.kind === 'none') return '';
    if (total.kind === 'daily') return ', selon les tarifs journaliers fixés par l\'annexe financière';
    return `, pour un montant total de ${eurosText(total.cents / 100)} sur la durée du contrat`;
}

export function cnrItem(ctx: DraftContext, c: ChangeRecord, place: Extract<FundingPlace, { kind: 'cnr' }>): string {
    const value = (place.field === undefined ? (c.new ?? c.old) : undefined) as { title?: string; year?: number; amount?: number; perDay?: true; establishment?: string; payer?: string } | undefined;
    if (value && c.kind === 'add') {
        return `un crédit non reconductible ${quote(value.title ?? '')} de ${amountText({ amount: value.amount ?? 0, perDay: value.perDay })} est alloué en ${value.year}`
            + `${value.establishment ? ` ${to(establishmentNoun(ctx.versions.establishment(value.establishment), ctx.versions.establishmentTitle(value.establishment)))}` : ''}`
            + `${value.payer ? `, à la charge de ${quote(ctx.versions.partyName(value.payer))}` : ''}`;
    }
    if (value && c.kind === 'remove') {
        return `le crédit non reconductible ${quote(value.title ?? '')} prévu en ${value.year} (${amountText({ amount: value.amount ?? 0, perDay: value.perDay })}) est supprimé`;
    }
    const find = (side: 'before' | 'after') => ((side === 'after' ? ctx.after : ctx.before).funding?.cnr ?? []).find(x => `${x.title} ${x.year}` === place.cnr);
    const cnr = find('after') ?? find('before');
    if (!cnr) return unworded(c);
    const named = `le crédit non reconductible ${quote(cnr.title)} prévu en ${cnr.year}`;
    switch (place.field) {
        case 'amount':
            return typeof c.old === 'number'
                ? `le montant du crédit non reconductible ${quote(cnr.title)} prévu en ${cnr.year} est porté de ${eurosText(c.old)} à ${eurosText(cnr.amount)}`
                : `le montant du crédit non reconductible ${quote(cnr.title)} prévu en ${cnr.year} est fixé à ${eurosText(cnr.amount)}`;
        case 'perDay':
            return `${named} est ${c.new ? 'un montant par jour' : 'un montant annuel'} de ${amountText(cnr)}`;
        case 'establishment':
            return cnr.establishment
                ? `${named} est alloué ${to(establishmentNoun(ctx.versions.establishment(cnr.establishment), ctx.versions.establishmentTitle(cnr.establishment)))}`
                : `${named} n'est plus alloué à un établissement désigné`;
        case 'payer':
            return cnr.payer ? `${named} est à la charge de ${quote(ctx.versions.partyName(cnr.payer))}` : `${named} n'est plus à la charge d'un financeur désigné`;
        case 'title':
        case 'year':
            return `${named} remplace le crédit non reconductible prévu sous ${place.field === 'title' ? `l'intitulé ${quote(String(c.old ?? ''))}` : `l'année ${String(c.old ?? '')}`}`;
        case undefined:
            return `${named} est modifié conformément à l'annexe financière jointe au présent avenant`;
        default:
            return unhandledPlace(place.field);
    }
}

/** The frais de siège, compared whole between the versions (whatever the records' shape). */
export function headOfficeItems(ctx: DraftContext): string[] {
    const before = ctx.before.funding?.headOfficeCosts ?? [];
    const after = ctx.after.funding?.headOfficeCosts ?? [];
    const authorised = (h: HeadOfficeCostsJson) => `les frais de siège social sont autorisés${h.rate ? ` au taux de ${quantityText(h.rate)} des charges d'exploitation` : ''}${h.authorisationDate ? ` (autorisation du ${frenchDate(h.authorisationDate)})` : ''}`;
    if (after.length === 0) return ['l\'autorisation des frais de siège social est supprimée'];
    if (before.length === 1 && after.length === 1 && before[0].rate && after[0].rate) {
        return [`${authorised(after[0])}, au lieu de ${quantityText(before[0].rate)}`];
    }
    return after.map(authorised);
}
