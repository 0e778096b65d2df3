/**
 * Completion (LSP `textDocument/completion`): Langium's keywords and cross-references (names visible at that place,
 * catalogue entries as `CATALOGUE.ENTRY`), described in French, and the values the grammar leaves open:
 * - after `categorie`: the closed list of ESMS categories (model/categories.ts), inserted with their FINESS code;
 * - where a département code goes: the départements with their names, the contract's own first;
 * - where a year goes (targets, yearly amounts, distributions, CNR, reviews, baseline): the years of the contract
 *   period not yet used in that block, in order;
 * - after `public` in an establishment: the publics its category usually accompanies (model/usual-publics.ts), as
 *   quoted strings, the ones already written left out;
 * - value keywords (legal frame, modality, nature of funding…): with their French label.
 * Each keyword is offered once, in its accented spelling when the grammar has both (`établissement`, matched by
 * `etab` too), and only where it can be written: not a clause that takes one value and is already in the block
 * (`effet`, `finess`), not at the start of a line a word that only continues the clause above (`par`, `financées`).
 */
import { type AstNode, type AstNodeDescription, AstUtils, EMPTY_STREAM, GrammarAST, type MaybePromise, type ReferenceInfo, type Stream, type TextDocument } from 'langium';
import { type CompletionAcceptor, type CompletionContext, type CompletionValueItem, DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import { type CompletionItem, CompletionItemKind, type TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { AUTHORITY_ROLE_LABELS, ESMS_CATEGORIES, type EsmsCategory } from '../model/categories.js';
import { clausesOf, contractYears, establishmentFacts, propsOf } from '../model/contract.js';
import { DEPARTMENTS, findDepartment } from '../model/departments.js';
import { usualPublics } from '../model/usual-publics.js';
import { ownerOf, periodOf, yearOf } from './cpom-facts.js';
import { ordinal, valueLabel, VALUE_LABELS } from './cpom-french-labels.js';
import { describe } from './cpom-hover.js';
import { CompletionBudgetExceeded, meterRecovery } from './completion-budget.js';
import { legalText, legalTextMarkdown } from './cpom-legal-texts.js';

const SECTORS: Record<EsmsCategory['sector'], string> = {
    personnes_agees: 'personnes âgées',
    handicap: 'personnes handicapées',
    inclusion_sociale: 'inclusion sociale',
};

/** What a candidate is, when it has no title to show. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
    Etablissement: 'établissement', Autorite: 'autorité', Gestionnaire: 'gestionnaire', Indicateur: 'indicateur',
    Financement: 'ligne de financement', Contrat: 'contrat', Catalogue: 'catalogue',
};

/** Rules whose `year` is a year of the contract. */
const YEAR_RULES = new Set(['Cible', 'MontantAnnuel', 'Repartition', 'Cnr', 'Revue', 'EvaluationGmpPmp', 'Reference']);

export class CpomCompletionProvider extends DefaultCompletionProvider {
    private readonly recovery = meterRecovery(this.completionParser);

    /** Past the recovery budget (completion-budget.ts) the place gets no completion rather than a frozen editor. */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        this.recovery.reset();
        try {
            return super.findFeaturesAt(document, offset);
        } catch (error) {
            if (error instanceof CompletionBudgetExceeded) return [];
            throw error;
        }
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        try {
            if (GrammarAST.isRuleCall(next.feature) && GrammarAST.isTerminalRule(next.feature.rule.ref)) {
                this.completionForValue(context, next.feature, acceptor);
                return;
            }
            const done = super.completionFor(context, next, acceptor);
            return done instanceof Promise ? done.catch(() => undefined) : done;
        } catch {
            return; // a broken document never breaks completion
        }
    }

    /** Terminals that stand for a value the language knows: category, département, year. */
    protected completionForValue(context: CompletionContext, feature: GrammarAST.RuleCall, acceptor: CompletionAcceptor): void {
        const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name;
        const property = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment)?.feature;
        if (rule === 'Categorie' && property === 'category') {
            this.completeCategories(context, acceptor);
        } else if (rule === 'PublicAccompagne' && property === 'publics') {
            this.completePublics(context, acceptor);
        } else if (rule === 'DepartmentCode') {
            this.completeDepartments(context, acceptor);
        } else if (property === 'year' && rule && YEAR_RULES.has(rule)) {
            this.completeYears(context, rule, acceptor);
        }
    }

    private completeCategories(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const typedCode = ast.isCategorie(context.node) && context.node.code !== undefined;
        ESMS_CATEGORIES.forEach((category, index) => {
            const codes = category.finessCodes.join(' ou ');
            // The usual code is written with the key (alternative codes, such as EAM 448 for a FAM, are accepted too).
            acceptor(context, {
                label: category.key,
                insertText: typedCode ? category.key : `${category.key} ${category.finessCodes[0]}`,
                labelDetails: { description: `FINESS ${codes}` },
                detail: `${category.label} (FINESS ${codes})`,
                documentation: { kind: 'markdown', value: categoryDocumentation(category) },
                kind: CompletionItemKind.EnumMember,
                sortText: `0${String(index).padStart(3, '0')}`,
            });
        });
    }

    private completePublics(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const establishment = AstUtils.getContainerOfType(context.node, ast.isEtablissement);
        if (!establishment) return;
        const written = new Set(propsOf(establishment, ast.isPublicAccompagne).flatMap(p => p.publics ?? []));
        usualPublics(establishmentFacts(establishment).category?.key).forEach((usual, index) => {
            if (written.has(usual.label)) return;
            const quoted = `"${usual.label}"`;
            acceptor(context, {
                label: quoted,
                detail: 'public habituel de la catégorie',
                documentation: `Source : ${usual.source}.`,
                filterText: quoted,
                kind: CompletionItemKind.Value,
                sortText: `0${String(index).padStart(3, '0')}`,
            });
        });
    }

    private completeDepartments(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const owner = ownerOf(context.node);
        const declared = new Set(ast.isContrat(owner)
            ? clausesOf(owner, ast.isDepartements).flatMap(d => d.codes ?? []).map(c => findDepartment(c)?.code ?? c) : []);
        const listing = AstUtils.getContainerOfType(context.node, ast.isDepartements) !== undefined;
        DEPARTMENTS.forEach((department, index) => {
            // In `departements`, the ones already listed are not offered again; elsewhere they come first.
            if (listing && declared.has(department.code)) return;
            acceptor(context, {
                label: department.code,
                detail: `${department.name} (${department.region})`,
                labelDetails: { description: department.name },
                filterText: department.code,
                kind: CompletionItemKind.Value,
                sortText: `${declared.has(department.code) ? 0 : 1}${String(index).padStart(3, '0')}`,
            });
        });
    }

    private completeYears(context: CompletionContext, rule: string, acceptor: CompletionAcceptor): void {
        const period = periodOf(context.node);
        if (!period) return;
        const years = contractYears(period);
        const prorogued = period.prorogation?.year;
        for (let y = period.lastYear + 1; prorogued !== undefined && y <= prorogued; y++) years.push(y);
        if (rule === 'Reference') {
            [period.firstYear - 1, period.firstYear - 2].forEach((year, i) => acceptor(context, {
                label: String(year),
                detail: i === 0 ? 'année précédant le contrat' : 'deux ans avant le contrat',
                kind: CompletionItemKind.Value,
                sortText: `0${i}`,
            }));
            return;
        }
        const used = usedYears(context.node, rule);
        const offered = rule === 'Repartition' ? fundedYears(context.node, years) : years;
        for (const year of offered) {
            if (used.has(year)) continue;
            const rank = year - period.firstYear + 1;
            acceptor(context, {
                label: String(year),
                detail: year > period.lastYear ? 'année de prorogation'
                    : year === period.lastYear ? `${ordinal(rank)} et dernière année du contrat` : `${ordinal(rank)} année du contrat`,
                kind: CompletionItemKind.Value,
                sortText: `0${year}`,
            });
        }
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword) || !isPreferredSpelling(keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (rule && !canBeWrittenHere(context, keyword, rule)) return;
        const label = rule && VALUE_LABELS[rule] ? valueLabel(rule, keyword.value) : undefined;
        if (rule && label) {
            const legal = rule === 'LegalFrame' ? legalText(keyword.value) : undefined;
            acceptor(context, {
                label: keyword.value,
                detail: legal ? `${label} — ${legal.citation}` : label,
                documentation: legal ? { kind: 'markdown', value: legalTextMarkdown(legal) } : undefined,
                kind: CompletionItemKind.EnumMember,
                // Accented spellings first; the plain twin stays for those who type without accents.
                // eslint-disable-next-line no-control-regex
                sortText: `0${/[^\x00-\x7F]/.test(keyword.value) ? 0 : 1}${keyword.value}`,
            });
            return;
        }
        acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: 'mot-clé', sortText: '1' });
    }

    /**
     * A label matches what was typed with or without its accents: `etab` finds `établissement`. What was typed is
     * folded once per context, not once per candidate: inside a token of 600,000 characters, folding it again for
     * each of the 100 départements took seconds.
     */
    protected override buildCompletionTextEdit(context: CompletionContext, label: string, newText: string): TextEdit | undefined {
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        if (!this.fuzzyMatcher.match(typed, label) && !this.foldedMatch(context, typed, label)) return undefined;
        return { newText, range: { start: context.textDocument.positionAt(context.tokenOffset), end: context.position } };
    }

    private readonly foldedTyped = new WeakMap<CompletionContext, string>();

    /** Folded, the typed text matches the folded label; a query longer than the label never matches. */
    private foldedMatch(context: CompletionContext, typed: string, label: string): boolean {
        const foldedLabel = folded(label);
        let foldedTyped = this.foldedTyped.get(context);
        if (foldedTyped === undefined) {
            foldedTyped = folded(typed);
            this.foldedTyped.set(context, foldedTyped);
        }
        return foldedTyped.length <= foldedLabel.length && this.fuzzyMatcher.match(foldedTyped, foldedLabel);
    }

    protected override fillCompletionItem(context: CompletionContext, item: CompletionValueItem): CompletionItem | undefined {
        const filled = super.fillCompletionItem(context, item);
        // The editor filters on filterText: the plain spelling lets `etab` keep `établissement` in the list.
        if (filled && filled.filterText === undefined && folded(filled.label) !== filled.label) {
            filled.filterText = `${folded(filled.label)} ${filled.label}`;
        }
        return filled;
    }

    /** An indicator is not based on itself (`selon`). */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        let candidates: Stream<AstNodeDescription>;
        try {
            candidates = super.getReferenceCandidates(refInfo, context);
        } catch {
            // On some broken texts Langium's completion parser pairs a container with a property of another rule
            // ("Property members of type Departements is not a reference"): there is then no reference to offer.
            return EMPTY_STREAM;
        }
        return ast.isIndicateur(refInfo.container) ? candidates.filter(d => d.node !== refInfo.container) : candidates;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const card = node ? describe(node) : undefined;
        return {
            ...item,
            detail: (node && referenceDetail(node)) ?? TYPE_LABELS[description.type] ?? item.detail,
            documentation: card ? { kind: 'markdown', value: card } : item.documentation,
            sortText: `0${description.name}`,
        };
    }
}

/** A word without its accents. */
function folded(word: string): string {
    return word.normalize('NFD').replace(/\p{M}/gu, '');
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7F]/;

/**
 * Whether a keyword is the spelling offered among the alternatives written the same but for accents
 * (`'etablissement' | 'établissement'`): the first accented one, or the first one when none is.
 */
function isPreferredSpelling(keyword: GrammarAST.Keyword): boolean {
    const alternatives: AstNode | undefined = keyword.$container;
    if (!GrammarAST.isAlternatives(alternatives)) return true;
    const twins = alternatives.elements.filter((e): e is GrammarAST.Keyword => GrammarAST.isKeyword(e) && folded(e.value) === folded(keyword.value));
    return (twins.find(t => NON_ASCII.test(t.value)) ?? twins[0]) === keyword;
}

/** Clauses that take one value (CPOM006): not offered again in a block that has one. */
const SINGLE_CLAUSES = new Set([
    'Cadre', 'Effet', 'Fin', 'DateSignature', 'Prorogation', 'Departements', 'Gestionnaire', 'Diagnostic', 'Suivi',
    'Preambule', 'Perimetre', 'Objet', 'Finess', 'Categorie', 'DepartementEtab', 'Statut', 'Adresse',
    'HabilitationAideSociale', 'Region', 'Unite', 'Source', 'Sens', 'Formule', 'Reference', 'Cibles', 'Nature',
    'Financeur', 'SourceFinancement', 'Montants', 'Actualisation', 'Critere', 'ModulationIndicateur', 'Abattement',
    'Justification',
]);

/**
 * Whether a keyword can be written at the cursor: a single clause already in the enclosing block cannot; at the start
 * of a line, only a keyword that starts its clause (the words that continue the clause above, `par` after
 * `signataires`, are offered on its line).
 */
function canBeWrittenHere(context: CompletionContext, keyword: GrammarAST.Keyword, rule: string): boolean {
    const text = context.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', context.tokenOffset - 1) + 1;
    if (text.substring(lineStart, context.tokenOffset).trim() === '' && !startsItsRule(keyword)) return false;
    if (!SINGLE_CLAUSES.has(rule)) return true;
    for (let node: AstNode | undefined = context.node; node; node = node.$container) {
        const block = node as AstNode & { props?: unknown; clauses?: unknown; items?: unknown };
        const children = [block.props, block.clauses, block.items].find(Array.isArray) as AstNode[] | undefined;
        if (!children) continue;
        return !children.some(c => c.$type === rule && c.$cstNode !== undefined
            && (context.offset < c.$cstNode.offset || context.offset > c.$cstNode.end));
    }
    return true;
}

/** Whether a keyword is the first word of its parser rule (`finess` in `Finess`), not a later one (`par`). */
function startsItsRule(keyword: GrammarAST.Keyword): boolean {
    let node: AstNode = keyword;
    while (node.$container && !GrammarAST.isParserRule(node.$container)) {
        const container = node.$container;
        if (GrammarAST.isGroup(container) && container.elements[0] !== node) return false;
        node = container;
    }
    return true;
}

/** One line that tells candidates apart: title, FINESS, kind of authority. */
export function referenceDetail(node: AstNode): string | undefined {
    if (ast.isEtablissement(node)) {
        const finess = establishmentFacts(node).finess;
        return finess ? `${node.title} — FINESS ${finess}` : node.title;
    }
    if (ast.isAutorite(node)) {
        const kind = valueLabel('AuthorityKind', node.kind);
        return kind ? `${node.title} (${kind})` : node.title;
    }
    if (ast.isIndicateur(node)) {
        return node.title ?? node.base?.ref?.title;
    }
    const titled = node as AstNode & { title?: unknown };
    return typeof titled.title === 'string' ? titled.title : undefined;
}

function categoryDocumentation(category: EsmsCategory): string {
    const lines = [
        `**${category.key}** — ${category.label}`,
        '',
        `- Code de catégorie FINESS : ${category.finessCodes.join(' ou ')}`,
        `- Secteur : ${SECTORS[category.sector]}`,
        `- Tarification habituelle : ${category.tarification.map(r => AUTHORITY_ROLE_LABELS[r].fr).join(' et ')}`,
    ];
    const frame = category.frame ? legalText(category.frame) : undefined;
    if (frame) lines.push(`- CPOM : ${frame.label} (${frame.citation})`);
    return lines.join('\n');
}

/** Years already written in the block being completed (targets of the indicator, amounts of the line). */
function usedYears(node: AstNode | undefined, rule: string): Set<number> {
    const years = (texts: Array<string | undefined>) => new Set(texts.map(yearOf).filter((y): y is number => y !== undefined));
    if (rule === 'Cible') {
        const indicator = AstUtils.getContainerOfType(node, ast.isIndicateur);
        return years(indicator ? propsOf(indicator, ast.isCibles).flatMap(c => (c.targets ?? []).map(t => t?.year)) : []);
    }
    const funding = AstUtils.getContainerOfType(node, ast.isFinancement);
    if (rule === 'MontantAnnuel') {
        return years(funding ? propsOf(funding, ast.isMontants).flatMap(m => (m.amounts ?? []).map(a => a?.year)) : []);
    }
    if (rule === 'Repartition') {
        return years(funding ? propsOf(funding, ast.isRepartition).map(r => r.year) : []);
    }
    if (rule === 'EvaluationGmpPmp') {
        const suivi = AstUtils.getContainerOfType(node, ast.isSuivi);
        return years(suivi ? suivi.items.filter(ast.isEvaluationGmpPmp).map(e => e.year) : []);
    }
    return new Set();
}

/** A distribution is for a year the line funds: its yearly amounts, or else the contract's years. */
function fundedYears(node: AstNode | undefined, contractYearList: number[]): number[] {
    const funding = AstUtils.getContainerOfType(node, ast.isFinancement);
    const amounts = funding ? propsOf(funding, ast.isMontants).flatMap(m => m.amounts ?? []) : [];
    const years = amounts.map(a => yearOf(a?.year)).filter((y): y is number => y !== undefined).sort((a, b) => a - b);
    return years.length > 0 ? [...new Set(years)] : contractYearList;
}
