/**
 * Dependency injection for the language server: the core services of cpom-module.ts wrapped with
 * Langium's LSP services (completion, hover, definition, references, rename, document and workspace
 * symbols, folding, semantic tokens where Langium has defaults). Loaded only by the server: the CLI's
 * `check` path never imports langium/lsp.
 */
import { type AstNode, AstUtils, inject, type Module } from 'langium';
import {
    AbstractSemanticTokenProvider, createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, MultilineCommentHoverProvider, type PartialLangiumServices,
    type SemanticTokenAcceptor,
} from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { establishmentFacts } from '../model/contract.js';
import { CpomGeneratedModule, CpomGeneratedSharedModule } from '../generated/module.js';
import { type CpomAddedServices, CpomModule } from '../cpom-module.js';
import { registerValidationChecks } from '../validation/cpom-validator.js';
import { CpomCodeActionProvider } from './cpom-code-actions.js';
import { CpomFormatter } from './cpom-formatter.js';

export type CpomLspServices = LangiumServices & CpomAddedServices;

/**
 * ── LSP customisations ──────────────────────────────────────────────────────────────────────────
 * The place where cpom replaces or adds LSP services (formatter and code actions go here:
 * add them to the `lsp` object below: `Formatter`, `CodeActionProvider`). Everything not listed is
 * a Langium default.
 */
export const CpomLspModule: Module<CpomLspServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: (services) => new CpomHoverProvider(services),
        SemanticTokenProvider: (services) => new CpomSemanticTokenProvider(services),
        Formatter: () => new CpomFormatter(),
        CodeActionProvider: (services) => new CpomCodeActionProvider(services),
    },
};

/**
 * Hover: the doc comment when there is one, otherwise what the name declares (an establishment card
 * with FINESS, category, capacity, tarification authority; the title of other declarations).
 */
export class CpomHoverProvider extends MultilineCommentHoverProvider {
    protected override async getAstNodeHoverContent(node: AstNode): Promise<string | undefined> {
        const documented = await super.getAstNodeHoverContent(node);
        const card = describe(node);
        return [card, documented].filter(Boolean).join('\n\n---\n\n') || undefined;
    }
}

/** Semantic tokens: declared names and references, typed by what they name (keywords are the TextMate grammar's). */
export class CpomSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (typeof (node as AstNode & { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name' as never, type: tokenType(node), modifier: SemanticTokenModifiers.declaration });
        }
        for (const ref of AstUtils.streamReferences(node)) {
            const target = 'ref' in ref.reference ? ref.reference.ref : undefined;
            acceptor({ node: ref.container, property: ref.property as never, index: ref.index, type: target ? tokenType(target) : SemanticTokenTypes.variable });
        }
    }
}

function tokenType(node: AstNode): string {
    if (ast.isEtablissement(node)) return SemanticTokenTypes.class;
    if (ast.isAutorite(node) || ast.isGestionnaire(node)) return SemanticTokenTypes.type;
    if (ast.isContrat(node) || ast.isCatalogue(node) || ast.isAvenant(node)) return SemanticTokenTypes.namespace;
    if (ast.isIndicateur(node)) return SemanticTokenTypes.property;
    return SemanticTokenTypes.variable;
}

function describe(node: AstNode): string | undefined {
    if (ast.isEtablissement(node)) {
        const facts = establishmentFacts(node);
        const lines = [`**Établissement** \`${node.name}\` — ${node.title}`];
        if (facts.finess) lines.push(`- FINESS : ${facts.finess}`);
        if (facts.category) lines.push(`- Catégorie : ${facts.category.key} (${facts.category.label})`);
        if (facts.department) lines.push(`- Département : ${facts.department}`);
        if (facts.capacities.length > 0) lines.push(`- Capacité : ${facts.authorisedPlaces} places autorisées`);
        if (facts.tarification.length > 0) lines.push(`- Tarification : ${facts.tarification.map(a => a.name).join(', ')}`);
        return lines.join('\n');
    }
    if (ast.isAutorite(node)) return `**Autorité** \`${node.name}\` (${node.kind}) — ${node.title}`;
    if (ast.isGestionnaire(node)) return `**Gestionnaire** \`${node.name}\` — ${node.title}`;
    if (ast.isContrat(node)) return `**Contrat** \`${node.name}\` — ${node.title}`;
    const named = node as AstNode & { name?: unknown; title?: unknown };
    if (typeof named.name === 'string') {
        return `**${node.$type}** \`${named.name}\`${typeof named.title === 'string' ? ` — ${named.title}` : ''}`;
    }
    return undefined;
}

export interface CpomLspServicesBundle {
    shared: LangiumSharedServices;
    Cpom: CpomLspServices;
}

/** Services of the language server: `startLanguageServer(shared)` once the connection is in the context. */
export function createCpomLspServices(context: DefaultSharedModuleContext): CpomLspServicesBundle {
    const shared = inject(createDefaultSharedModule(context), CpomGeneratedSharedModule);
    const Cpom = inject(
        createDefaultModule({ shared }), CpomGeneratedModule,
        CpomModule as Module<CpomLspServices, Partial<CpomAddedServices>>, CpomLspModule,
    );
    shared.ServiceRegistry.register(Cpom);
    registerValidationChecks(Cpom);
    // Every rule runs while typing, not only the 'fast' category (ours are in the default one; say it anyway).
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: { categories: ['built-in', 'fast', 'slow'] } };
    return { shared, Cpom };
}
