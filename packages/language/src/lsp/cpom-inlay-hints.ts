/**
 * Inlay hints (LSP `textDocument/inlayHint`): short French facts computed from the contract, shown where they
 * apply, never written in the text:
 * - after the yearly amounts of a funding line: its total and its share of the contract's funding
 *   (`total 21,2 M€ · 62 % du financement`); for a daily tariff, its evolution over the period;
 * - after a CNR: its share of that year's funding;
 * - at the opening of an indicator: its trajectory (`↗ 45 % → 90 % en 2017`) or what is missing
 *   (`⚠ cible finale manquante (2017)`);
 * - at the opening of a distribution: its sum against the line's amount for that year;
 * - after a value achieved in a follow-up: the target of the year and the status (`cible 2022 : 96,5 % · ⚠ en écart`).
 * The document may be half typed: every fact is optional, and a node that cannot be read gives no hint.
 */
import { type AstNode, AstUtils, type Cancellation, GrammarUtils, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHintParams } from 'vscode-languageserver';
import type { InlayHint, Position } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { cnrLine, cnrYearlyCents } from '../model/fundings.js';
import { formatEuros, formatNumber } from '../model/numbers.js';
import {
    type FundingTotals, fundingFacts, fundingTotals, ownerOf, periodOf, trajectory, TREND_ARROWS, trendOf, yearOf,
} from './cpom-facts.js';
import { amountText, compactEuros, NNBSP, percentText, valueText } from './cpom-french-labels.js';
import { distributionCheck } from './cpom-hover.js';
import { valueHint } from './cpom-follow-up-cards.js';

export class CpomInlayHintProvider implements InlayHintProvider {
    getInlayHints(document: LangiumDocument, params: InlayHintParams, _cancelToken?: Cancellation.CancellationToken): InlayHint[] {
        const hints: InlayHint[] = [];
        const root = document.parseResult?.value;
        if (!root) return hints;
        // Totals of each contract or avenant, computed once per request.
        const totals = new Map<AstNode, FundingTotals>();
        const totalsOf = (node: AstNode): FundingTotals | undefined => {
            const owner = ownerOf(node);
            if (!ast.isContrat(owner) && !ast.isAvenant(owner)) return undefined;
            if (!totals.has(owner)) totals.set(owner, fundingTotals(owner));
            return totals.get(owner);
        };
        for (const node of AstUtils.streamAst(root, { range: params.range })) {
            try {
                const hint = this.hintFor(node, totalsOf);
                if (hint) hints.push(hint);
            } catch {
                // a node being typed gives no hint
            }
        }
        return hints;
    }

    protected hintFor(node: AstNode, totalsOf: (node: AstNode) => FundingTotals | undefined): InlayHint | undefined {
        // Only the first `montants` of a line carries its total (a second one is CPOM006's business).
        if (ast.isMontants(node) && ast.isFinancement(node.$container) && node.$container.props.find(ast.isMontants) === node) {
            return hintAtEnd(node, fundingHint(node.$container, totalsOf(node)));
        }
        if (ast.isCnr(node)) {
            return hintAtEnd(node, cnrHint(node, totalsOf(node)));
        }
        if (ast.isIndicateur(node)) {
            return hintAfterBrace(node, indicatorHint(node));
        }
        if (ast.isValeurRealisee(node)) {
            return hintAtEnd(node.value ?? node, valueHint(node));
        }
        if (ast.isRepartition(node) && ast.isFinancement(node.$container)) {
            return hintAfterBrace(node, distributionHint(node, node.$container));
        }
        return undefined;
    }
}

/** The total of a yearly line and its share of the funding; the evolution of a daily tariff. */
export function fundingHint(funding: ast.Financement, totals: FundingTotals | undefined): string | undefined {
    const facts = fundingFacts(funding);
    if (facts.amounts.length === 0 || facts.amounts.some(a => a.cents === undefined)) return undefined;
    if (facts.daily) {
        const first = facts.amounts[0];
        const last = facts.amounts.at(-1)!;
        if (first === last || !first.cents) return `${amountText(first.amount)}`;
        const change = ((last.cents! - first.cents) / first.cents) * 100;
        return `par jour : ${formatEuros(first.cents)} → ${formatEuros(last.cents!)} (${change >= 0 ? '+' : ''}${formatNumber(Math.round(change * 10) / 10)}${NNBSP}%)`;
    }
    if (facts.totalCents === undefined) return undefined;
    const total = `total ${compactEuros(facts.totalCents)}`;
    return totals && totals.totalCents > facts.totalCents
        ? `${total} · ${percentText(facts.totalCents, totals.totalCents)} du financement`
        : total;
}

export function cnrHint(cnr: ast.Cnr, totals: FundingTotals | undefined): string | undefined {
    const year = yearOf(cnr.year);
    const cents = cnrYearlyCents(cnrLine(cnr));
    const yearTotal = year !== undefined ? totals?.byYear.get(year) : undefined;
    if (year === undefined || cents === undefined || !yearTotal) return undefined;
    return `${percentText(cents, yearTotal)} du financement ${year}`;
}

export function indicatorHint(indicator: ast.Indicateur): string | undefined {
    const path = trajectory(indicator);
    const lastYear = periodOf(indicator)?.lastYear;
    const last = path.targets.at(-1);
    if (!last) return '⚠ aucune cible';
    const from = path.baseline?.value ?? path.targets[0].value;
    const trend = path.direction ?? trendOf(from, last.value);
    const parts = [path.baseline
        ? `${TREND_ARROWS[trend]} ${valueText(from)} → ${valueText(last.value)} en ${last.year}`
        : `${TREND_ARROWS[trend]} ${valueText(last.value)} en ${last.year} (sans référence)`];
    if (lastYear !== undefined && last.year < lastYear) {
        parts.push(`⚠ cible finale manquante (${lastYear})`);
    }
    if (path.baseline && path.direction && path.direction !== 'flat' && trendOf(from, last.value) !== path.direction
        && trendOf(from, last.value) !== 'flat') {
        parts.push(`⚠ contraire au sens « ${path.direction === 'up' ? 'hausse' : 'baisse'} »`);
    }
    return parts.join(' · ');
}

export function distributionHint(distribution: ast.Repartition, funding: ast.Financement): string | undefined {
    const facts = fundingFacts(funding).distributions.find(d => d.node === distribution);
    if (!facts || facts.sumCents === undefined || facts.shares.length === 0) return undefined;
    const check = distributionCheck(facts.sumCents, facts.amountCents, facts.year);
    const ok = facts.amountCents === facts.sumCents;
    return `${ok ? '' : '⚠ '}somme ${formatEuros(facts.sumCents)} ${check}`;
}

function hintAtEnd(node: AstNode, label: string | undefined): InlayHint | undefined {
    const end = node.$cstNode?.range.end;
    return label && end ? hint(end, label) : undefined;
}

/** After the `{` that opens the node's block: the hint reads as the block's heading. */
function hintAfterBrace(node: AstNode, label: string | undefined): InlayHint | undefined {
    const brace = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    return label && brace ? hint(brace.range.end, label) : undefined;
}

function hint(position: Position, label: string): InlayHint {
    return { position, label, paddingLeft: true };
}
