/**
 * Turns every problem into a catalogue diagnostic: lexing and parsing errors become CPOM001, linking
 * errors CPOM002 (with a hint when the name lives in a file that is not imported), messages are in the
 * document's language, `// cpom-ignore` comments ignore diagnostics of the next line (suppressions.ts), and the
 * project configuration switches rules off or changes their severity.
 */
import { type AstNode, type Cancellation, CstUtils, DocumentValidator, isReference, type LangiumCoreServices, type LangiumDocument, type ParseResult, type ValidationOptions, UriUtils } from 'langium';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { CpomSettings } from '../cpom-settings.js';
import { type DiagnosticCode, formatMessage, getRule, type Locale, type MessageParams } from '../diagnostics/rules.js';
import { REFERENCE_KINDS } from './document.rules.js';
import type { CpomServices } from '../cpom-module.js';
import { importedUris } from '../references/imports.js';
import { internalFailureText, parserErrorDetail } from '../diagnostics/syntax-messages.js';
import { closestWords } from '../diagnostics/suggestions.js';
import { readSuppressions, type SuppressedCode, type Suppression } from './suppressions.js';
import { isNestingError, isTokenLimitError } from '../parser/cpom-lexer.js';
import { isSyntaxErrorLimitError } from '../parser/syntax-error-limit.js';
import { SharedWalkDocumentValidator } from './shared-walk-validator.js';

/** How Langium's validation registry words a check that threw ("An error occurred during validation: …"). */
const LANGIUM_CHECK_FAILURE = 'An error occurred during ';

const SEVERITIES: Record<string, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
};

export class CpomDocumentValidator extends SharedWalkDocumentValidator {
    private readonly settings: CpomSettings;
    private readonly services: LangiumCoreServices;

    constructor(services: CpomServices) {
        super(services);
        this.services = services;
        this.settings = services.cpom.Settings;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const locale = this.settings.localeFor(document.uri);
        const config = this.settings.configFor(document.uri);
        const result: Diagnostic[] = [];
        const suppressions = new Suppressions(readSuppressions(document));
        for (const diagnostic of diagnostics) {
            const code = diagnostic.data?.code;
            if (code === undefined && diagnostic.message.startsWith(LANGIUM_CHECK_FAILURE)) {
                // A rule threw (a defect of cpom): Langium reports it in English without a code.
                const detail = diagnostic.message.slice(diagnostic.message.indexOf(':') + 1).trim();
                this.setMessage(diagnostic, 'CPOM001', { detail: { variant: 'internal', error: internalFailureText(detail) } }, locale);
            } else if (diagnostic.data?.nesting !== undefined) {
                this.setMessage(diagnostic, 'CPOM001', { detail: { variant: 'nesting', limit: diagnostic.data.nesting } }, locale);
            } else if (diagnostic.data?.syntaxErrors !== undefined) {
                this.setMessage(diagnostic, 'CPOM001', { detail: { variant: 'errors', limit: diagnostic.data.syntaxErrors } }, locale);
            } else if (diagnostic.data?.tokens !== undefined) {
                this.setMessage(diagnostic, 'CPOM001', { detail: { variant: 'tokens', limit: diagnostic.data.tokens } }, locale);
            } else if (diagnostic.data?.lexing !== undefined) {
                this.setMessage(diagnostic, 'CPOM001', { detail: { variant: 'character', character: diagnostic.data.lexing } }, locale);
            } else if (code === DocumentValidator.ParsingError) {
                this.setMessage(diagnostic, 'CPOM001', { detail: parserErrorDetail(diagnostic.message, locale) }, locale);
            } else if (code === DocumentValidator.LinkingError) {
                this.setMessage(diagnostic, 'CPOM002', this.linkingParams(document, diagnostic), locale);
            }
            const finalCode = String(diagnostic.code ?? '');
            if (suppressions.ignores(finalCode, diagnostic.range.start.line)) {
                continue;
            }
            const override = config.severities.get(finalCode);
            if (override === 'off') {
                continue;
            }
            if (override) {
                diagnostic.severity = SEVERITIES[override];
            }
            diagnostic.source = 'cpom';
            result.push(diagnostic);
        }
        // Whole-contract rules do not run on a text with syntax errors, slow rules not while typing: a suppression
        // is known to ignore nothing only after every rule ran.
        const complete = !diagnostics.some(d => d.code === 'CPOM001')
            && (options.categories === undefined || options.categories.includes('slow'));
        for (const problem of suppressions.problems(complete)) {
            const override = config.severities.get(problem.code);
            if (override === 'off') continue;
            const diagnostic: Diagnostic = { range: problem.range, message: '', source: 'cpom' };
            this.setMessage(diagnostic, problem.code, problem.params as never, locale);
            diagnostic.severity = SEVERITIES[override ?? getRule(problem.code)!.severity];
            result.push(diagnostic);
        }
        return result;
    }

    override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const error of parseResult.lexerErrors) {
            const source = parseResult.value.$document?.textDocument.getText() ?? '';
            const text = source.substr(error.offset, Math.max(1, Math.min(error.length, 20)));
            const start = { line: (error.line ?? 1) - 1, character: (error.column ?? 1) - 1 };
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range: { start, end: { line: start.line, character: start.character + error.length } },
                message: '', // written in validateDocument, once the document's language is known
                code: 'CPOM001',
                data: isNestingError(error) ? { code: 'CPOM001', nesting: error.nestingLimit }
                    : isTokenLimitError(error) ? { code: 'CPOM001', tokens: error.tokenLimit }
                    : isSyntaxErrorLimitError(error) ? { code: 'CPOM001', syntaxErrors: error.syntaxErrorLimit }
                    : { code: 'CPOM001', lexing: text },
            });
        }
    }

    /** Words the message from the catalogue; like the rules' diagnostics, `data` carries the code and its parameters. */
    private setMessage<C extends DiagnosticCode>(diagnostic: Diagnostic, code: C, params: MessageParams<C>, locale: Locale): void {
        diagnostic.message = formatMessage(code, params, locale);
        diagnostic.code = code;
        diagnostic.data = { ...(diagnostic.data ?? {}), code, params };
    }

    /**
     * Where the name does exist: in an imported file under its qualified name, or in a file to import; else the
     * names in scope it is probably a slip of (`EHPAD_BLAY` for `EHPAD_BLAYE`).
     */
    private linkingHint(document: LangiumDocument, diagnostic: Diagnostic, refText: string, type: string | undefined): MessageParams<'CPOM002'>['hint'] {
        const candidates = this.services.shared.workspace.IndexManager.allElements(type)
            .filter(d => d.name === refText || d.name.endsWith(`.${refText}`)).toArray();
        if (candidates.length === 0) {
            const suggestions = this.namesClose(document, diagnostic, refText);
            return suggestions.length > 0 ? { variant: 'suggestion', suggestions } : { variant: 'none' };
        }
        const visible = new Set([document.uri.toString(), ...importedUris(document).map(u => u.toString())]);
        const qualified = candidates.find(d => visible.has(d.documentUri.toString()) && d.name !== refText);
        if (qualified) {
            return { variant: 'qualified', name: qualified.name };
        }
        const elsewhere = candidates.find(d => !visible.has(d.documentUri.toString()));
        if (!elsewhere) {
            return { variant: 'none' };
        }
        return { variant: 'import', name: elsewhere.name, path: UriUtils.relative(UriUtils.dirname(document.uri), elsewhere.documentUri) };
    }

    /** The names visible from the unresolved reference under the diagnostic that are close to what was written. */
    private namesClose(document: LangiumDocument, diagnostic: Diagnostic, refText: string): string[] {
        const data = diagnostic.data as { containerType?: string; property?: string };
        const root = document.parseResult.value.$cstNode;
        if (!root || !data.containerType || !data.property) return [];
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        let container: AstNode | undefined = leaf?.astNode;
        while (container && container.$type !== data.containerType) container = container.$container;
        if (!container) return [];
        const value = (container as unknown as Record<string, unknown>)[data.property];
        const references = Array.isArray(value) ? value : [value];
        const index = references.findIndex(r => isReference(r) && r.$refNode?.offset === leaf?.offset);
        const reference = references[Math.max(index, 0)];
        if (!isReference(reference)) return [];
        const scope = this.services.references.ScopeProvider.getScope({ reference, container, property: data.property, index: index >= 0 && Array.isArray(value) ? index : undefined });
        // A catalogue entry may be meant by its own name (`EHPAD_BLAY` for `CAT.EHPAD_BLAYE`).
        const byWord = new Map<string, string>();
        for (const description of scope.getAllElements()) {
            if (description.node === container) continue; // an indicator is not based on itself
            byWord.set(description.name, description.name);
            const dot = description.name.lastIndexOf('.');
            if (dot >= 0 && !refText.includes('.') && !byWord.has(description.name.slice(dot + 1))) {
                byWord.set(description.name.slice(dot + 1), description.name);
            }
        }
        return [...new Set(closestWords(refText, byWord.keys()).map(word => byWord.get(word)!))];
    }

    private linkingParams(document: LangiumDocument, diagnostic: Diagnostic): MessageParams<'CPOM002'> {
        const data = diagnostic.data as { containerType?: string; property?: string; refText?: string };
        const refText = data.refText ?? '';
        const reflection = this.services.shared.AstReflection;
        const type = data.containerType && data.property
            ? reflection.getReferenceType({ container: { $type: data.containerType } as AstNode, property: data.property, reference: undefined as never })
            : undefined;
        const kinds = type && isReferenceKind(type) ? type : 'other';
        return { name: refText, kinds, hint: this.linkingHint(document, diagnostic, refText, type) };
    }
}

function isReferenceKind(type: string): type is MessageParams<'CPOM002'>['kinds'] {
    return Object.hasOwn(REFERENCE_KINDS, type);
}

type SuppressionProblem =
    | { readonly code: 'CPOM110'; readonly params: MessageParams<'CPOM110'>; readonly range: Range }
    | { readonly code: 'CPOM111'; readonly params: MessageParams<'CPOM111'>; readonly range: Range }
    | { readonly code: 'CPOM112'; readonly params: MessageParams<'CPOM112'>; readonly range: Range };

/** The suppressions of one document, and which of their codes ignored something. */
class Suppressions {
    private readonly byLine = new Map<number, Suppression[]>();
    private readonly used = new Set<SuppressedCode>();

    constructor(private readonly all: readonly Suppression[]) {
        for (const suppression of all) {
            this.byLine.set(suppression.line, [...(this.byLine.get(suppression.line) ?? []), suppression]);
        }
    }

    /** Whether a diagnostic of this code starting on this line is ignored (syntax errors never are). */
    ignores(code: string, line: number): boolean {
        if (code === 'CPOM001') return false;
        let ignored = false;
        for (const suppression of this.byLine.get(line) ?? []) {
            for (const entry of suppression.codes) {
                if (suppression.hasReason && entry.code === code) {
                    this.used.add(entry);
                    ignored = true;
                }
            }
        }
        return ignored;
    }

    /** What is wrong with the comments; unused ones only when every rule ran (`complete`). */
    *problems(complete: boolean): Generator<SuppressionProblem> {
        for (const suppression of this.all) {
            if (suppression.codes.length === 0) {
                yield { code: 'CPOM111', params: { problem: { variant: 'none' } }, range: suppression.range };
                continue;
            }
            if (!suppression.hasReason) {
                yield { code: 'CPOM110', params: { codes: suppression.codes.map(c => c.text) }, range: suppression.range };
            }
            for (const entry of suppression.codes) {
                if (entry.code === undefined) {
                    yield { code: 'CPOM111', params: { problem: { variant: 'unknown', code: entry.text } }, range: entry.range };
                } else if (entry.code === 'CPOM001') {
                    yield { code: 'CPOM111', params: { problem: { variant: 'syntax', code: entry.text } }, range: entry.range };
                } else if (complete && suppression.hasReason && !this.used.has(entry)) {
                    yield { code: 'CPOM112', params: { code: entry.text }, range: entry.range };
                }
            }
        }
    }
}
