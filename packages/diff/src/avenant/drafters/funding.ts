/** The article on the means of the contract: funding lines, yearly amounts, distributions, CNR, modulation, frais de siège. */
import {
    type Block, criterionLabel, type HeadOfficeCostsJson, type FundingLineJson, indexationLabel, MISSING, orMissing, natureLabel, paragraph, ref, sourceLabel,
} from '@cpom/generator';
import type { ChangeRecord } from '../../change.js';
import { amountText, capitalise, de, establishmentNoun, eurosText, frenchDate, fundingNoun, joinFr, quantityText, quote, to } from '../context.js';
import { clause, type DraftContext, type DraftedArticle, FINANCIAL_ANNEX } from './draft-context.js';
import type { ChangeGroup } from '../groups.js';

export function funding(ctx: DraftContext, group: ChangeGroup): DraftedArticle {
    ctx.fundingChanged = true;
    const items: string[] = [];
    const amountRows = new Map<string, { line: string; year: number }>();
    let headOffice = false;
    for (const c of group.changes) {
        const [, list, key, field, sub] = c.path;
        if (list === 'lines' && key !== undefined) {
            const line = ctx.versions.fundingLine(key, c.kind === 'remove' && field === undefined ? 'before' : 'after') ?? ctx.versions.fundingLine(key);
            if (!line) {
                items.push(c.description);
                continue;
            }
            const { noun, e } = fundingNoun(line);
            if (field === undefined) {
                if (c.kind === 'add') items.push(`${noun} (${lineDetails(ctx, line)}) est ajouté${e}${lineTotal(line)}`);
                else if (c.kind === 'remove') items.push(`${noun} est supprimé${e}`);
                else items.push(c.description);
            } else if (field === 'amounts' && Number.isInteger(Number(sub))) {
                amountRows.set(`${key} ${c.path[4]}`, { line: key, year: Number(c.path[4]) });
            } else if (field === 'payer') {
                items.push(`le financeur ${de(noun)} est désormais ${quote(ctx.versions.partyName(String(c.new ?? '')))}`);
            } else if (field === 'nature') {
                items.push(`${noun} est désormais de nature : ${natureLabel(String(c.new ?? ''))}`);
            } else if (field === 'fundingSource') {
                items.push(`${noun} relève désormais du financement : ${sourceLabel(String(c.new ?? ''))}`);
            } else if (field === 'establishments') {
                const establishment = ctx.versions.establishment(String(c.new ?? c.old ?? sub));
                const target = establishmentNoun(establishment, establishment?.nomEgeLong ?? String(c.new ?? c.old ?? sub));
                items.push(c.kind === 'add' ? `${target} est ajouté aux établissements financés par ${noun}` : `${target} est retiré des établissements financés par ${noun}`);
            } else if (field === 'actualisation') {
                const actualisation = ctx.versions.fundingLine(key, 'after')?.actualisation;
                items.push(actualisation
                    ? `${noun} est actualisé${e} selon le ${indexationLabel(actualisation.method)}${actualisation.formula ? ` (${actualisation.formula})` : ''}`
                    : `les modalités d'actualisation ${de(noun)} sont supprimées`);
            } else if (field === 'distributions' && Number.isInteger(Number(sub))) {
                const year = Number(sub);
                const exists = ctx.versions.fundingLine(key, 'after')?.distributions.some(d => d.year === year);
                items.push(exists
                    ? `la répartition ${year} ${de(noun)} entre les établissements est fixée par l'annexe financière jointe au présent avenant`
                    : `la répartition ${year} ${de(noun)} entre les établissements est supprimée`);
            } else {
                items.push(c.description);
            }
        } else if (list === 'cnr') {
            items.push(cnrItem(ctx, c));
        } else if (list === 'modulations') {
            const m = (c.new ?? c.old) as { fundingLine?: string; criterion?: string; abattement?: { value: number; unit?: 'percent' } } | undefined;
            const line = ctx.versions.fundingLine(m?.fundingLine ?? '');
            const target = line ? fundingNoun(line).noun : quote(m?.fundingLine ?? '');
            items.push(c.kind === 'add'
                ? `${target} peut être modulé${line ? fundingNoun(line).e : ''} selon l'activité (article R. 314-43-2 du code de l'action sociale et des familles), sur le critère du ${criterionLabel(m?.criterion)}${m?.abattement ? `, par un abattement au plus égal à ${quantityText(m.abattement)} de l'écart entre la cible et l'activité réalisée` : ''}`
                : `la modulation selon l'activité ${de(target)} ${m?.criterion ? `sur le critère du ${criterionLabel(m.criterion)} ` : ''}est supprimée`);
        } else if (list === 'headOfficeCosts') {
            headOffice = true;
        } else {
            items.push(c.description);
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
    const purpose = oldTotal !== newTotal
        ? `la modification des moyens alloués (montant total sur la durée du contrat porté de ${eurosText(oldTotal)} à ${eurosText(newTotal)}, hors tarifs journaliers)`
        : 'la modification des moyens alloués';
    return { title: 'Moyens du contrat', blocks, purpose };
}

export function lineDetails(ctx: DraftContext, line: FundingLineJson): string {
    return [
        line.nature ? natureLabel(line.nature) : '',
        line.payer ? `financeur : ${ctx.versions.partyName(line.payer)}` : '',
        line.establishments.length > 0 ? `établissements financés : ${joinFr(line.establishments.map(e => quote(ctx.versions.establishmentTitle(e))))}` : '',
    ].filter(Boolean).join(' ; ');
}

export function lineTotal(line: FundingLineJson): string {
    if (line.amounts.length === 0) return '';
    if (line.amounts.some(a => a.perDay)) return ', selon les tarifs journaliers fixés par l\'annexe financière';
    return `, pour un montant total de ${eurosText(line.amounts.reduce((s, a) => s + a.amount, 0))} sur la durée du contrat`;
}

export function cnrItem(ctx: DraftContext, c: ChangeRecord): string {
    const value = (c.path.length === 3 ? (c.new ?? c.old) : undefined) as { title?: string; year?: number; amount?: number; perDay?: true; establishment?: string; payer?: string } | undefined;
    if (value && c.kind === 'add') {
        return `un crédit non reconductible ${quote(value.title ?? '')} de ${amountText({ amount: value.amount ?? 0, perDay: value.perDay })} est alloué en ${value.year}`
            + `${value.establishment ? ` ${to(establishmentNoun(ctx.versions.establishment(value.establishment), ctx.versions.establishmentTitle(value.establishment)))}` : ''}`
            + `${value.payer ? `, à la charge de ${quote(ctx.versions.partyName(value.payer))}` : ''}`;
    }
    if (value && c.kind === 'remove') {
        return `le crédit non reconductible ${quote(value.title ?? '')} prévu en ${value.year} (${amountText({ amount: value.amount ?? 0, perDay: value.perDay })}) est supprimé`;
    }
    const cnr = (ctx.after.funding?.cnr ?? []).find(x => `${x.title} ${x.year}` === c.path[2]);
    if (cnr && c.path[3] === 'amount' && typeof c.old === 'number') {
        return `le montant du crédit non reconductible ${quote(cnr.title)} prévu en ${cnr.year} est porté de ${eurosText(c.old)} à ${eurosText(cnr.amount)}`;
    }
    return c.description;
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
