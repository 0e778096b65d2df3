/**
 * Turns every problem into a catalogue diagnostic: lexing and parsing errors become CPOM001, linking
 * errors CPOM002 (with a hint when the name lives in a file that is not imported), messages are in the
 * document's language, and the project configuration switches rules off or changes their severity.
 */
import { type AstNode, type Cancellation, DefaultDocumentValidator, DocumentValidator, type LangiumCoreServices, type LangiumDocument, type ParseResult, type ValidationOptions, UriUtils } from 'langium';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CpomSettings } from '../cpom-settings.js';
import { decodeBilingual } from '../diagnostics/bilingual.js';
import { formatMessage, type Locale, type MessageParams } from '../diagnostics/rules.js';
import { REFERENCE_KINDS } from './document.rules.js';
import type { CpomServices } from '../cpom-module.js';
import { importedUris } from '../references/imports.js';

const SEVERITIES: Record<string, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
};

export class CpomDocumentValidator extends DefaultDocumentValidator {
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
        for (const diagnostic of diagnostics) {
            const code = diagnostic.data?.code;
            if (diagnostic.data?.lexing !== undefined) {
                this.setMessage(diagnostic, 'CPOM001', { detail: { variant: 'character', character: diagnostic.data.lexing } }, locale);
            } else if (code === DocumentValidator.ParsingError) {
                this.setMessage(diagnostic, 'CPOM001', { detail: { variant: 'parser', message: decodeBilingual(diagnostic.message, locale) } }, locale);
            } else if (code === DocumentValidator.LinkingError) {
                this.setMessage(diagnostic, 'CPOM002', this.linkingParams(document, diagnostic), locale);
            }
            const finalCode = String(diagnostic.code ?? '');
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
                data: { code: 'CPOM001', lexing: text },
            });
        }
    }

    /** Words the message from the catalogue; like the rules' diagnostics, `data` carries the code and its parameters. */
    private setMessage<C extends 'CPOM001' | 'CPOM002'>(diagnostic: Diagnostic, code: C, params: MessageParams<C>, locale: Locale): void {
        diagnostic.message = formatMessage(code, params, locale);
        diagnostic.code = code;
        diagnostic.data = { ...(diagnostic.data ?? {}), code, params };
    }

    /** Where the name does exist: in an imported file under its qualified name, or in a file to import. */
    private linkingHint(document: LangiumDocument, refText: string, type: string | undefined): MessageParams<'CPOM002'>['hint'] {
        const candidates = this.services.shared.workspace.IndexManager.allElements(type)
            .filter(d => d.name === refText || d.name.endsWith(`.${refText}`)).toArray();
        if (candidates.length === 0) {
            return { variant: 'none' };
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

    private linkingParams(document: LangiumDocument, diagnostic: Diagnostic): MessageParams<'CPOM002'> {
        const data = diagnostic.data as { containerType?: string; property?: string; refText?: string };
        const refText = data.refText ?? '';
        const reflection = this.services.shared.AstReflection;
        const type = data.containerType && data.property
            ? reflection.getReferenceType({ container: { $type: data.containerType } as AstNode, property: data.property, reference: undefined as never })
            : undefined;
        const kinds = type && isReferenceKind(type) ? type : 'other';
        return { name: refText, kinds, hint: this.linkingHint(document, refText, type) };
    }
}

function isReferenceKind(type: string): type is MessageParams<'CPOM002'>['kinds'] {
    return Object.hasOwn(REFERENCE_KINDS, type);
}
