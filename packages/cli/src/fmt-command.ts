/**
 * `cpom fmt [--check] [paths...]`: the language server's formatter (`@cpom/language/lsp`, cpom-formatter.ts) on the
 * command line, as `prettier --write` / `prettier --check` do.
 *
 * - `cpom fmt PATHS`: rewrites, atomically and keeping their permissions, the files whose layout changes; prints
 *   each one rewritten.
 * - `cpom fmt --check PATHS`: writes nothing; lists the files that are not formatted.
 * - A file with a syntax error is never touched: its first error is printed with its place.
 * - A file that is not UTF-8 (read as UTF-16 or Windows-1252) is not rewritten: formatting would change its encoding.
 *
 * Exit codes, as Prettier's: 0 everything formatted (or rewritten); 1 with --check, files not formatted;
 * 2 a file could not be formatted (syntax error, encoding, I/O) or a usage error — the other files are still done.
 *
 * Loaded on demand: the LSP services are not part of `cpom check`'s start-up.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { TextDocument } from 'langium';
import { firstSyntaxError, type Locale } from '@cpom/language';
import { createCpomLspServices } from '@cpom/language/lsp';
import type { CommandIO } from './check.js';
import { fileError, isSystemError, reportFailure, UsageError } from './errors.js';
import { expandPaths } from './files.js';
import { writeFileAtomic } from './output.js';
import { visibleText } from './terminal-text.js';
import { readStdinContract, usesStdin } from './stdin.js';
import { decodeContract } from './workspace.js';
import { hasUtf8Bom } from './utf8-bom.js';

export interface FmtOptions {
    readonly check?: boolean;
    /** With the path `-`: the name of the input in messages. */
    readonly stdinFilename?: string;
}

type LspServices = ReturnType<typeof createCpomLspServices>;

/** The outcome of formatting one text. */
export type Formatted =
    | { readonly kind: 'formatted'; readonly text: string; readonly changed: boolean }
    | { readonly kind: 'syntax-error'; readonly line: number; readonly column: number; readonly message: string };

let counter = 0;

/** Formats a text as the language server does (4 spaces), or says where its first syntax error is. */
export async function formatText(services: LspServices, text: string, locale: Locale): Promise<Formatted> {
    const { shared, Cpom } = services;
    // The formatter works on the parse tree alone: no linking, no validation.
    const document: LangiumDocument = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///cpom-fmt-${counter++}.cpom`));
    const syntax = firstSyntaxError(document, locale);
    if (syntax) return { kind: 'syntax-error', ...syntax };
    const edits = await Cpom.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() }, options: { insertSpaces: true, tabSize: 4 },
    });
    const formatted = TextDocument.applyEdits(document.textDocument, edits);
    return { kind: 'formatted', text: formatted, changed: formatted !== text };
}

export function createFormatterServices(): LspServices {
    return createCpomLspServices(EmptyFileSystem);
}

/** `cpom: FILE:LINE:COL : erreur de syntaxe, non formaté : …` */
function syntaxErrorLine(shown: string, error: Extract<Formatted, { kind: 'syntax-error' }>, locale: Locale): string {
    return locale === 'fr'
        ? `cpom: ${shown}:${error.line}:${error.column} : erreur de syntaxe, non formaté : ${error.message}\n`
        : `cpom: ${shown}:${error.line}:${error.column}: syntax error, not formatted: ${error.message}\n`;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export async function runFmt(paths: readonly string[], options: FmtOptions, io: CommandIO): Promise<number> {
    const locale = io.locale ?? 'fr';
    const t = (fr: string, en: string) => (locale === 'fr' ? fr : en);
    let files: string[];
    try {
        if (usesStdin(paths, options.stdinFilename)) return await formatStdin(options, io);
        files = await expandPaths(paths.length > 0 ? paths : ['.'], io.cwd);
        if (files.length === 0) {
            throw new UsageError({ fr: 'aucun fichier .cpom à formater', en: 'no .cpom file to format' });
        }
    } catch (error) {
        return reportFailure(error, io, locale);
    }
    const services = createFormatterServices();
    const unformatted: string[] = [];
    let failed = 0;
    for (const file of files) {
        const shown = visibleText(path.relative(io.cwd, file).split(path.sep).join('/') || file, '');
        try {
            let bytes: Buffer;
            try {
                bytes = readFileSync(file);
            } catch (error) {
                throw isSystemError(error) ? fileError('read', shown, error) : error;
            }
            let encoding: string | undefined;
            const text = decodeContract(bytes, shown, note => { encoding = note[locale]; });
            const result = await formatText(services, text, locale);
            if (result.kind === 'syntax-error') {
                io.stderr(syntaxErrorLine(shown, result, locale));
                failed++;
                continue;
            }
            if (!result.changed) continue;
            if (options.check) {
                unformatted.push(shown);
                continue;
            }
            if (encoding) {
                io.stderr(t(`cpom: ${encoding} ; non formaté (le reformater l'écrirait en UTF-8)\n`, `cpom: ${encoding}; not formatted (formatting would write it as UTF-8)\n`));
                failed++;
                continue;
            }
            const hasBom = hasUtf8Bom(bytes);
            const body = Buffer.from(result.text, 'utf8');
            writeFileAtomic(file, hasBom ? Buffer.concat([UTF8_BOM, body]) : body, shown, undefined, statSync(file).mode & 0o7777);
            io.stdout(`${shown}\n`);
        } catch (error) {
            reportFailure(error, io, locale);
            failed++;
        }
    }
    if (options.check) {
        if (unformatted.length > 0) {
            for (const file of unformatted) io.stdout(`${file}\n`);
            const n = unformatted.length;
            io.stderr(t(
                `cpom: ${n} fichier${n > 1 ? 's' : ''} non formaté${n > 1 ? 's' : ''} : cpom fmt ${n > 1 ? 'les' : 'le'} formate\n`,
                `cpom: ${n} file${n > 1 ? 's are' : ' is'} not formatted: cpom fmt formats ${n > 1 ? 'them' : 'it'}\n`));
        } else if (failed === 0) {
            io.stderr(t('cpom: tous les fichiers sont formatés\n', 'cpom: all files are formatted\n'));
        }
    }
    if (failed > 0) return 2;
    return unformatted.length > 0 ? 1 : 0;
}

/**
 * `cpom fmt -`: the formatted text on the standard output (as `prettier --stdin-filepath`); with --check, nothing
 * printed, exit 1 when the input is not formatted. A syntax error: the message, nothing printed, exit 2.
 */
async function formatStdin(options: FmtOptions, io: CommandIO): Promise<number> {
    const locale = io.locale ?? 'fr';
    const input = await readStdinContract(io, options.stdinFilename);
    const result = await formatText(createFormatterServices(), input.text, locale);
    const shown = visibleText(input.shown, '');
    if (result.kind === 'syntax-error') {
        io.stderr(syntaxErrorLine(shown, result, locale));
        return 2;
    }
    if (options.check) {
        if (result.changed) io.stderr(locale === 'fr' ? `cpom: ${shown} n'est pas formaté\n` : `cpom: ${shown} is not formatted\n`);
        return result.changed ? 1 : 0;
    }
    io.stdout(result.text);
    return 0;
}
