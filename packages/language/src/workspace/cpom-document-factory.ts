/**
 * Parsing never throws. Should the lexer or the parser fail on a text (a defect of cpom: the stack overflowed in
 * a regular expression on a 5 MB text), the document is an empty file with one CPOM001 error saying so, and the
 * workspace goes on: a parse that throws would stop the initial load of the workspace, or every later build.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import { type AstNode, DefaultLangiumDocumentFactory, isOperationCancelled, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { ParserOptions } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { encodeBilingual } from '../diagnostics/bilingual.js';
import { internalFailureMessage } from '../diagnostics/syntax-messages.js';
import { reparseIncrementally } from './incremental-reparse.js';

export class CpomDocumentFactory extends DefaultLangiumDocumentFactory {
    /**
     * An edited buffer is reparsed by the block the edit falls in when it can be (incremental-reparse.ts); Langium's
     * update then finds the text unchanged and parses nothing.
     */
    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const buffer = this.textDocuments?.get(document.uri.toString());
        if (buffer) {
            try {
                reparseIncrementally(document, buffer.getText(), this.serviceRegistry.getServices(document.uri).parser.LangiumParser);
            } catch (error) {
                // A patch that failed half-way leaves trees that cannot be trusted: parse the whole text.
                console.error(`cpom: reparsing ${document.uri.toString()} by block failed:`, error);
                document.parseResult = this.parse(document.uri, buffer.getText());
                (document.parseResult.value as { $document?: LangiumDocument }).$document = document;
            }
        }
        return super.update(document, cancellationToken);
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse(uri, text, options);
        } catch (error) {
            return this.failedParse(uri, error);
        }
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        try {
            return await super.parseAsync(uri, text, cancellationToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return this.failedParse(uri, error);
        }
    }

    /** The parse of an empty text (a real, empty AST and CST), with the failure as its parser error. */
    private failedParse<T extends AstNode>(uri: URI, error: unknown): ParseResult<T> {
        console.error(`cpom: parsing ${uri.toString()} failed:`, error);
        const result = super.parse<T>(uri, '');
        result.parserErrors.push(failureAtStart(error));
        return result;
    }
}

function failureAtStart(error: unknown): IRecognitionException {
    const token = { image: '', startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 0 } as IToken;
    return { name: 'InternalFailure', message: encodeBilingual(internalFailureMessage(error)), token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } };
}
