/**
 * Hover (LSP `textDocument/hover`), in French: on a declaration or a reference, what the name is (establishment
 * card, indicator with its trajectory, funding line with its totals and distribution, party, contract); on a CNR,
 * its amount and share of the year's funding; on a legal frame, an article cited in a comment or a string, or a
 * keyword that applies an article, what the article says; and, when the position lies in a diagnostic, the rule's
 * page from the catalogue (name, rationale, source, confidence) in the document's language.
 */
import { type AstNode, CstUtils, GrammarAST, type LangiumDocument } from 'langium';
import { type LangiumServices, MultilineCommentHoverProvider } from 'langium/lsp';
import type { HoverParams } from 'vscode-languageserver';
import { type Hover, MarkupContent, type Position, type Range } from 'vscode-languageserver-types';
import type { CpomSettings } from '../cpom-settings.js';
import type { CpomAddedServices } from '../cpom-module.js';
import * as ast from '../generated/ast.js';
import { type Confidence, getRule, type Locale } from '../diagnostics/rules.js';
import { authorityKind, establishmentFacts, establishmentView, firstProp } from '../model/contract.js';
import { modificationTargetKind } from '../model/consolidation.js';
import { findDepartment } from '../model/departments.js';
import { cnrLine, cnrYearlyCents } from '../model/fundings.js';
import { formatEuros, formatNumber, parseNumber } from '../model/numbers.js';
import { plain } from '../model/french.js';
import { countOf } from '../wording/plurals.js';
import {
    DIRECTION_TRENDS, fundingFacts, fundingTotals, indicatorTitle, inheritedProp, ownerOf, trajectory, TREND_ARROWS, trendOf, yearOf,
} from './cpom-facts.js';
import { amountText, md, percentText, valueLabel, valueText } from './cpom-french-labels.js';
import { articleAt, KEYWORD_ARTICLES, legalText, legalTextMarkdown } from './cpom-legal-texts.js';
import { activityCard, valueCard } from './cpom-follow-up-cards.js';
import { authorityDepartmentsText, clauseCard } from './cpom-clause-cards.js';
import { modulationCard } from './cpom-modulation-card.js';
import type { AvenantLookup } from '../model/avenants.js';

const SEPARATOR = '\n\n---\n\n';

export class CpomHoverProvider extends MultilineCommentHoverProvider {
    private readonly settings: CpomSettings;
    private readonly avenants: AvenantLookup;
    /**
     * Base URI of the rule pages (`docs/rules/`, ending with a slash), set by the shell that knows where they are
     * (the CLI's `RULES_BASE_URI`); without it the rule's text is shown without a link.
     */
    rulesBaseUri: string | undefined;

    constructor(services: LangiumServices & CpomAddedServices) {
        super(services);
        this.settings = services.cpom.Settings;
        this.avenants = services.cpom.WorkspaceIndex;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        try {
            const sections: string[] = [];
            const named = await super.getHoverContent(document, params);
            if (named && MarkupContent.is(named.contents)) {
                sections.push(named.contents.value);
            } else {
                const keywordCard = this.keywordContent(document, params.position);
                if (keywordCard) sections.push(keywordCard);
            }
            const followUp = this.followUpContent(document, params.position);
            if (followUp) sections.push(followUp);
            const article = this.articleContent(document, params.position);
            if (article && !sections.some(s => s.includes(article))) sections.push(article);
            sections.push(...this.diagnosticContent(document, params.position));
            return sections.length > 0 ? { contents: { kind: 'markdown', value: sections.join(SEPARATOR) } } : undefined;
        } catch {
            return undefined;
        }
    }

    protected override async getAstNodeHoverContent(node: AstNode): Promise<string | undefined> {
        const documented = await super.getAstNodeHoverContent(node);
        const card = describe(node);
        return [card, documented].filter(Boolean).join(SEPARATOR) || undefined;
    }

    /** In a follow-up: the target and status of a value achieved, the activity and modulation of an establishment. */
    private followUpContent(document: LangiumDocument, position: Position): string | undefined {
        for (let n: AstNode | undefined = leafAt(document, position)?.astNode; n; n = n.$container) {
            if (ast.isValeurRealisee(n)) return valueCard(n, this.avenants);
            if (ast.isActiviteRealisee(n)) return activityCard(n, this.avenants);
        }
        return undefined;
    }

    /** Cards for what has no name: a CNR (on its keyword), a funding line (on `dotation`, `forfait`, `tarif`). */
    private keywordContent(document: LangiumDocument, position: Position): string | undefined {
        const leaf = leafAt(document, position);
        if (!leaf || !GrammarAST.isKeyword(leaf.grammarSource)) return undefined;
        const node = leaf.astNode;
        if (ast.isCnr(node)) return describeCnr(node);
        if (ast.isFinancement(node)) return describe(node);
        if (ast.isModification(node)) return describeModification(node);
        if (ast.isModulation(node)) return modulationCard(node);
        const card = clauseCard(node);
        if (card) return card;
        if (ast.isProrogeable(node)) {
            return `**Clause de durée** — le contrat est prorogeable par avenant pour ${md(node.years)} ${parseNumber(node.years) === 1 ? 'an' : 'ans'} : une faculté, pas une prorogation (celle-ci s'écrit \`prorogation AAAA-MM-JJ\` dans un avenant).`;
        }
        return undefined;
    }

    /** The article of a legal frame, of an article cited in the text, or of a keyword that applies one. */
    private articleContent(document: LangiumDocument, position: Position): string | undefined {
        const line = document.textDocument.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
        const cited = articleAt(line, position.character);
        if (cited) return legalTextMarkdown(cited.text);
        const leaf = leafAt(document, position);
        if (leaf && GrammarAST.isKeyword(leaf.grammarSource)) {
            const key = KEYWORD_ARTICLES[plain(leaf.text).toLowerCase()];
            const text = key ? legalText(key) : undefined;
            if (text) return legalTextMarkdown(text);
        }
        return undefined;
    }

    /** The catalogue's page of each diagnostic of the document that covers the position. */
    private diagnosticContent(document: LangiumDocument, position: Position): string[] {
        const locale = this.settings.localeFor(document.uri);
        const seen = new Set<string>();
        const pages: string[] = [];
        for (const diagnostic of document.diagnostics ?? []) {
            if (!contains(diagnostic.range, position)) continue;
            const data = diagnostic.data as { code?: unknown } | undefined;
            const code = typeof data?.code === 'string' ? data.code : String(diagnostic.code ?? '');
            const rule = getRule(code);
            if (!rule || seen.has(rule.code)) continue;
            seen.add(rule.code);
            const words = WORDS[locale];
            const lines = [
                `**${rule.code}** \`${rule.name}\` — ${rule.title[locale]}`,
                '',
                `*${words.why}* : ${rule.rationale[locale]}`,
                '',
                `*${words.source}* : ${rule.source[locale]}`,
                '',
                `*${words.confidence}* : ${CONFIDENCE[locale][rule.confidence]}`,
            ];
            if (this.rulesBaseUri) lines.push('', `[${words.page} ${rule.code}](${this.rulesBaseUri}${rule.code}.md)`);
            pages.push(lines.join('\n'));
        }
        return pages;
    }
}

const WORDS: Record<Locale, { why: string; source: string; confidence: string; page: string }> = {
    fr: { why: 'Pourquoi', source: 'Source', confidence: 'Fiabilité', page: 'Page de la règle' },
    en: { why: 'Why', source: 'Source', confidence: 'Confidence', page: 'Rule page' },
};

const CONFIDENCE: Record<Locale, Record<Confidence, string>> = {
    fr: {
        V: 'V — lu dans le texte juridique cité',
        S: 'S — source secondaire (fédération, presse, cabinet d\'avocats)',
        C: 'C — calculé et recoupé par le projet cpom',
        G: 'G — proposition du projet cpom, pas une règle de droit (avertissement au plus)',
        T: 'T — règle structurelle du langage CPOM',
    },
    en: {
        V: 'V — read in the cited legal text',
        S: 'S — secondary source (federation, press or law-firm summary)',
        C: 'C — computed and cross-checked by the cpom project',
        G: 'G — design proposal of the cpom project, not law: reported as a warning at most',
        T: 'T — structural rule of the CPOM language',
    },
};

function leafAt(document: LangiumDocument, position: Position) {
    const root = document.parseResult?.value?.$cstNode;
    return root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position)) : undefined;
}

function contains(range: Range, p: Position): boolean {
    const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return afterStart && beforeEnd;
}

/** What a declaration is, in a few French lines of Markdown. */
export function describe(node: AstNode): string | undefined {
    if (ast.isEtablissement(node)) return describeEstablishment(node);
    if (ast.isIndicateur(node)) return describeIndicator(node);
    if (ast.isFinancement(node)) return describeFunding(node);
    if (ast.isAutorite(node)) {
        const where = authorityDepartmentsText(node);
        return `**Autorité** \`${node.name}\` — ${md(node.title)}\n\n${valueLabel('AuthorityKind', authorityKind(node)) ?? md(node.kind)}${where}`;
    }
    if (ast.isGestionnaire(node)) {
        const finess = firstProp(node, ast.isFiness)?.value;
        const status = valueLabel('LegalStatus', firstProp(node, ast.isStatut)?.value);
        const lines = [`**Gestionnaire** \`${node.name}\` — ${md(node.title)}`];
        if (finess) lines.push(`- FINESS (entité juridique) : ${finess}`);
        if (status) lines.push(`- Statut : ${status}`);
        return lines.join('\n');
    }
    if (ast.isContrat(node)) return `**Contrat** \`${node.name}\` — ${md(node.title)}`;
    if (ast.isCatalogue(node)) return `**Catalogue** \`${node.name}\`${node.title ? ` — ${md(node.title)}` : ''}`;
    if (ast.isAxe(node)) return `**Axe stratégique** \`${node.name}\` — ${md(node.title)}\n\n${countOf(node.objectives.length, 'objectif')}`;
    if (ast.isObjectif(node)) return `**Objectif** \`${node.name}\` — ${md(node.title)}`;
    if (ast.isAction(node)) return `**Action** ${node.name ? `\`${node.name}\` ` : ''}— ${md(node.title)}`;
    const named = node as AstNode & { name?: unknown; title?: unknown };
    if (typeof named.name === 'string') {
        return `**${node.$type}** \`${named.name}\`${typeof named.title === 'string' ? ` — ${md(named.title)}` : ''}`;
    }
    return undefined;
}

function describeEstablishment(e: ast.Etablissement): string {
    const facts = establishmentFacts(e);
    const lines = [`**Établissement** \`${e.name}\` — ${md(e.title)}`];
    if (facts.finess) lines.push(`- FINESS : ${facts.finess}`);
    if (facts.category) lines.push(`- Catégorie : ${facts.category.key} (${facts.category.label}), code FINESS ${facts.category.finessCodes.join(' ou ')}`);
    if (facts.department) {
        const department = findDepartment(facts.department);
        lines.push(`- Département : ${facts.department}${department ? ` (${department.name})` : ''}`);
    }
    if (facts.capacities.length > 0) {
        // Funded places only when every capacity states them; beds when every capacity counts beds.
        const funded = facts.capacities.every(c => c.funded !== undefined)
            ? facts.capacities.reduce((sum, c) => sum + (parseNumber(c.funded) ?? 0), 0) : undefined;
        const unit = facts.capacities.every(c => c.unit === 'lits') ? 'lits' : 'places';
        const detail = facts.capacities.filter(c => c.modality).map(c => `${valueLabel('Modality', c.modality)} ${c.authorised}`);
        lines.push(`- Capacité : ${formatNumber(facts.authorisedPlaces)} ${unit} autorisé${unit === 'lits' ? 's' : 'es'}`
            + (funded !== undefined ? `, ${formatNumber(funded)} financé${unit === 'lits' ? 's' : 'es'}` : '')
            + (detail.length > 1 ? ` (${detail.join(', ')})` : ''));
    }
    if (facts.tarification.length > 0) lines.push(`- Tarification : ${facts.tarification.map(a => a.name).join(', ')}`);
    const view = establishmentView(e);
    if (view.activeFile?.count !== undefined) {
        lines.push(`- File active : ${formatNumber(view.activeFile.count)} personne${view.activeFile.count >= 2 ? 's' : ''} accompagnée${view.activeFile.count >= 2 ? 's' : ''}`
            + (view.activeFile.year !== undefined ? ` en ${view.activeFile.year}` : ''));
    }
    if (view.publics.length > 0) lines.push(`- Public : ${view.publics.map(md).join(' ; ')}`);
    if (view.activities.length > 0) lines.push(`- Activités : ${view.activities.map(md).join(' ; ')}`);
    return lines.join('\n');
}

function describeIndicator(indicator: ast.Indicateur): string {
    const title = indicatorTitle(indicator);
    const lines = [`**Indicateur** \`${indicator.name}\`${title ? ` — ${md(title)}` : ''}`];
    const base = indicator.base?.$refText;
    if (base) lines.push(`- Selon : \`${base}\``);
    const inherited = <T extends ast.IndicateurProp>(label: string, guard: (n: unknown) => n is T, text: (p: T) => string | undefined) => {
        const found = inheritedProp(indicator, guard);
        const value = found ? text(found.prop) : undefined;
        if (!value) return;
        const from = found!.from === indicator ? undefined : found!.from === indicator.base?.ref ? base : found!.from.name;
        lines.push(`- ${label} : ${value}${from ? ` *(selon ${from})*` : ''}`);
    };
    inherited('Unité', ast.isUnite, p => md(p.value));
    inherited('Sens', ast.isSens, p => p.value ? `${p.value} ${TREND_ARROWS[DIRECTION_TRENDS[p.value] ?? 'flat']}` : undefined);
    inherited('Source', ast.isSource, p => md(p.value));
    inherited('Formule', ast.isFormule, p => md(p.value));
    const path = trajectory(indicator);
    if (path.baseline || path.targets.length > 0) {
        lines.push('', '| Année | Valeur |', '|---|---:|');
        if (path.baseline) lines.push(`| ${path.baseline.year} (référence) | ${valueText(path.baseline.value)} |`);
        for (const t of path.targets) lines.push(`| ${t.year} | ${valueText(t.value)} |`);
        const from = path.baseline?.value ?? path.targets[0]?.value;
        const last = path.targets.at(-1);
        if (from && last && last.value !== from) {
            lines.push('', `Trajectoire : ${TREND_ARROWS[trendOf(from, last.value)]} ${valueText(from)} → ${valueText(last.value)} en ${last.year}`);
        }
    }
    return lines.join('\n');
}

function describeFunding(funding: ast.Financement): string {
    const kind = { dotation: 'Dotation', forfait: 'Forfait', tarif: 'Tarif' }[plain(funding.kind)] ?? 'Financement';
    const lines = [`**${kind}** \`${funding.name}\` — ${md(funding.title)}`];
    const nature = valueLabel('FundingNature', firstProp(funding, ast.isNature)?.value);
    if (nature) lines.push(`- Nature : ${nature}`);
    const payer = firstProp(funding, ast.isFinanceur)?.payer;
    if (payer?.$refText) lines.push(`- Financeur : ${payer.$refText}${payer.ref?.title ? ` (${md(payer.ref.title)})` : ''}`);
    const source = valueLabel('FundingSource', firstProp(funding, ast.isSourceFinancement)?.value);
    if (source) lines.push(`- Financement : ${source}`);
    const indexation = valueLabel('IndexationMethod', firstProp(funding, ast.isActualisation)?.method);
    if (indexation) lines.push(`- Actualisation : ${indexation}`);
    const facts = fundingFacts(funding);
    if (facts.amounts.length > 0) {
        lines.push('', '| Année | Montant |', '|---|---:|');
        for (const a of facts.amounts) lines.push(`| ${a.year} | ${amountText(a.amount)} |`);
        if (facts.totalCents !== undefined) {
            lines.push(`| **Total** | **${formatEuros(facts.totalCents)}** |`);
            const owner = ownerOf(funding);
            const totals = ast.isContrat(owner) || ast.isAvenant(owner) ? fundingTotals(owner) : undefined;
            if (totals && totals.totalCents > facts.totalCents) {
                lines.push('', `${percentText(facts.totalCents, totals.totalCents)} du financement du contrat (${formatEuros(totals.totalCents)} sur la période, CNR compris).`);
            }
        }
    }
    for (const d of facts.distributions) {
        lines.push('', `Répartition ${d.year} :`, '', '| Établissement | Montant | Part |', '|---|---:|---:|');
        for (const s of d.shares) {
            const share = s.cents !== undefined && d.sumCents ? percentText(s.cents, d.sumCents) : '';
            lines.push(`| ${s.name} | ${s.cents !== undefined ? formatEuros(s.cents) : '?'} | ${share} |`);
        }
        if (d.sumCents !== undefined) lines.push(`| **Somme** | **${formatEuros(d.sumCents)}** | ${distributionCheck(d.sumCents, d.amountCents, d.year)} |`);
    }
    return lines.join('\n');
}

/** `= montant 2013 ✓`, or the gap with the year's amount. */
export function distributionCheck(sumCents: number, amountCents: number | undefined, year: number): string {
    if (amountCents === undefined) return `pas de montant ${year}`;
    if (sumCents === amountCents) return `= montant ${year} ✓`;
    const gap = sumCents - amountCents;
    return `≠ montant ${year} (${formatEuros(amountCents)}) : écart ${gap > 0 ? '+' : ''}${formatEuros(gap)}`;
}

function describeCnr(cnr: ast.Cnr): string {
    const lines = [`**Crédits non reconductibles** — ${md(cnr.title)}`];
    const year = yearOf(cnr.year);
    if (cnr.amount) lines.push(`- ${year ?? '?'} : ${amountText(cnr.amount)}`);
    if (cnr.establishment?.$refText) lines.push(`- Pour : ${cnr.establishment.$refText}`);
    if (cnr.payer?.$refText) lines.push(`- Financeur : ${cnr.payer.$refText}`);
    const owner = ownerOf(cnr);
    const cents = cnrYearlyCents(cnrLine(cnr));
    if (year !== undefined && cents !== undefined && (ast.isContrat(owner) || ast.isAvenant(owner))) {
        const yearTotal = fundingTotals(owner).byYear.get(year);
        if (yearTotal) lines.push(`- Part du financement ${year} : ${percentText(cents, yearTotal)}`);
    }
    lines.push('', 'Hors base reconductible : accordés pour une année, ils ne se reportent pas sur les exercices suivants.');
    return lines.join('\n');
}

/** What `modifie X { … }` does to X (model/consolidation.ts). */
function describeModification(m: ast.Modification): string {
    const target = m.target?.ref;
    const kind = modificationTargetKind(target);
    const what = kind === 'establishment' ? 'chaque clause donnée remplace celle du même genre ; les capacités sont remplacées modalité par modalité'
        : kind === 'indicator' ? 'les cibles sont remplacées année par année (une année nouvelle est ajoutée) ; les autres clauses remplacent les leurs'
            : kind === 'funding' ? 'les montants et les répartitions sont remplacés année par année ; les autres clauses remplacent les leurs'
                : kind === 'objective' ? 'l\'intitulé, la description et les établissements sont remplacés ; les actions et indicateurs donnés sont ajoutés'
                    : 'la cible n\'est pas résolue';
    const name = target && 'title' in target && target.title ? ` « ${md(target.title)} »` : '';
    return `**Modification par avenant**${name}\n\n${what}. Le contrat tel que modifié à une date : \`cpom generate --au AAAA-MM-JJ\`.`;
}
