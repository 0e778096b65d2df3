/**
 * Turns every problem into a catalogue diagnostic: lexing and parsing errors become CPOM001, linking
 * errors CPOM002 (with a hint when the name lives in a file that is not imported), messages are in the
 * document's language, and the project configuration switches rules off or changes their severity.
 */
import { type AstNode, type Cancellation, DefaultDocumentValidator, DocumentValidator, type LangiumCoreServices, type LangiumDocument, type ParseResult, type ValidationOptions, UriUtils } from 'langium';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CpomSettings } from '../cpom-settings.js';
import { decodeBilingual } from '../diagnostics/bilingual.js';
import { formatMessage, type Locale } from '../diagnostics/rules.js';
import { internalFailureDetail } from '../diagnostics/syntax-messages.js';
import type { CpomServices } from '../cpom-module.js';
import { importedUris } from '../references/imports.js';

const KIND_NAMES: Record<string, { fr: string; en: string }> = {
    Etablissement: { fr: 'établissements', en: 'establishments' },
    Autorite: { fr: 'autorités', en: 'authorities' },
    Partie: { fr: 'parties (gestionnaire et autorités)', en: 'parties (gestionnaire and authorities)' },
    Indicateur: { fr: 'indicateurs', en: 'indicators' },
    Financement: { fr: 'lignes de financement', en: 'funding lines' },
    Contrat: { fr: 'contrats', en: 'contracts' },
};

/** How Langium's validation registry words a check that threw ("An error occurred during validation: …"). */
const LANGIUM_CHECK_FAILURE = 'An error occurred during ';

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
            if (code === undefined && diagnostic.message.startsWith(LANGIUM_CHECK_FAILURE)) {
                // A rule threw (a defect of cpom): Langium reports it in English without a code.
                const detail = diagnostic.message.slice(diagnostic.message.indexOf(':') + 1).trim();
                diagnostic.message = formatMessage('CPOM001', { detail: internalFailureDetail(detail)[locale] }, locale);
                this.setCode(diagnostic, 'CPOM001');
            } else if (diagnostic.data?.lexing !== undefined) {
                diagnostic.message = lexingMessage(diagnostic.data.lexing, locale);
            } else if (code === DocumentValidator.ParsingError) {
                diagnostic.message = decodeBilingual(diagnostic.message, locale);
                this.setCode(diagnostic, 'CPOM001');
            } else if (code === DocumentValidator.LinkingError) {
                diagnostic.message = this.linkingMessage(document, diagnostic, locale);
                this.setCode(diagnostic, 'CPOM002');
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

    private setCode(diagnostic: Diagnostic, code: string): void {
        diagnostic.code = code;
        diagnostic.data = { ...(diagnostic.data ?? {}), code };
    }

    /** Where the name does exist: in an imported file under its qualified name, or in a file to import. */
    private linkingHint(document: LangiumDocument, refText: string, type: string | undefined, locale: Locale): string {
        const candidates = this.services.shared.workspace.IndexManager.allElements(type)
            .filter(d => d.name === refText || d.name.endsWith(`.${refText}`)).toArray();
        if (candidates.length === 0) {
            return '';
        }
        const visible = new Set([document.uri.toString(), ...importedUris(document).map(u => u.toString())]);
        const qualified = candidates.find(d => visible.has(d.documentUri.toString()) && d.name !== refText);
        if (qualified) {
            return locale === 'fr' ? ` ; écrivez « ${qualified.name} »` : `; write '${qualified.name}'`;
        }
        const elsewhere = candidates.find(d => !visible.has(d.documentUri.toString()));
        if (!elsewhere) {
            return '';
        }
        const relative = UriUtils.relative(UriUtils.dirname(document.uri), elsewhere.documentUri);
        return locale === 'fr'
            ? ` ; « ${elsewhere.name} » est déclaré dans ${relative} : importez ce fichier (importe "${relative}")`
            : `; '${elsewhere.name}' is declared in ${relative}: import that file (importe "${relative}")`;
    }

    private linkingMessage(document: LangiumDocument, diagnostic: Diagnostic, locale: Locale): string {
        const data = diagnostic.data as { containerType?: string; property?: string; refText?: string };
        const refText = data.refText ?? '';
        const reflection = this.services.shared.AstReflection;
        const type = data.containerType && data.property
            ? reflection.getReferenceType({ container: { $type: data.containerType } as AstNode, property: data.property, reference: undefined as never })
            : undefined;
        const kind = (type && KIND_NAMES[type]) || { fr: 'éléments', en: 'elements' };
        const hint = this.linkingHint(document, refText, type, locale);
        return formatMessage('CPOM002', { name: refText, kinds: kind[locale], hint }, locale);
    }
}

/** Messages of lexing errors, filled in once the document's language is known. */
export function lexingMessage(text: string, locale: Locale): string {
    return locale === 'fr' ? `Caractère inattendu « ${text} ».` : `Unexpected character '${text}'.`;
}
