/**
 * `cpom check --fix` / `--fix-dry-run`: applies the editor's quick fixes (`@cpom/language/lsp`, cpom-code-actions.ts)
 * that need no human choice (fix-policy.ts), checks again, and repeats while a safe fix applies (at most
 * MAX_PASSES passes: a fix may reveal another). Then:
 *
 * - files: rewritten atomically (mode and byte order mark kept), and each correction said in French on the
 *   standard error ("2 corrections appliquées : …"); with `--fix-dry-run`, nothing written, the unified diff printed;
 * - `-`: the fixed text on the standard output (the corrections and the report on the standard error).
 *
 * A fix whose result would not parse is dropped and the file left as it was, with a message. A file that is not
 * UTF-8 is not rewritten (its encoding would change). The report and the exit code are those of the fixed texts.
 *
 * Loaded on demand, with the LSP services: `cpom check` without `--fix` never loads them.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { EmptyFileSystem, type LangiumDocument, TextDocument, URI } from 'langium';
import type { Locale } from '@cpom/language';
import { readDiagnosticData } from '@cpom/language';
import { createCpomLspServices } from '@cpom/language/lsp';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { buildCheck, type CheckOptions, type CheckRun, type CommandIO, exitCodeOf, writeCheckReport } from './check.js';
import { reportFailure } from './errors.js';
import { isSafeFix } from './fix-policy.js';
import { writeFileAtomic } from './output.js';
import { visibleText } from './terminal-text.js';
import { hasUtf8Bom } from './utf8-bom.js';

/** Passes of fix-then-check at most: enough for fixes that reveal others, bounded against a fix that undoes another. */
export const MAX_PASSES = 10;

export interface FixOptions extends CheckOptions {
    /** Print the diff instead of writing. */
    readonly dryRun?: boolean;
}

/** One correction applied: its rule, the line of the diagnostic (1-based, in the text it was applied to) and what it did. */
export interface AppliedFix {
    readonly code: string;
    readonly line: number;
    readonly title: string;
}

interface FileFixes {
    readonly path: string;
    readonly shown: string;
    readonly original: string;
    fixed: string;
    readonly applied: AppliedFix[];
    /** Why the file is left as it is, when a fix could not be applied. */
    refused?: string;
}

export type LspServices = ReturnType<typeof createCpomLspServices>;

function startsBefore(a: TextEdit, b: TextEdit): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Whether `a` ends at or after the start of `b`. */
function reaches(a: TextEdit, b: TextEdit): boolean {
    const endA = a.range.end;
    const startB = b.range.start;
    return endA.line > startB.line || (endA.line === startB.line && endA.character >= startB.character);
}

/** Whether two edits touch: applying both would be a guess (two insertions at one place: in which order?). */
function touches(a: TextEdit, b: TextEdit): boolean {
    return reaches(a, b) && reaches(b, a);
}

function syntaxErrors(services: LspServices, text: string): number {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///cpom-fix-check.cpom'));
    return document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
}

/** The safe fixes of one document: their edits (none overlapping another) and what each does. */
async function safeFixes(services: LspServices, document: LangiumDocument): Promise<{ edits: TextEdit[]; applied: AppliedFix[] }> {
    const diagnostics = (document.diagnostics ?? []).filter((d: Diagnostic) => {
        const data = readDiagnosticData(d.data);
        return data !== undefined && isSafeFix(data.code);
    });
    if (diagnostics.length === 0) return { edits: [], applied: [] };
    const uri = document.textDocument.uri;
    const actions = await services.Cpom.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) },
        context: { diagnostics },
    }) ?? [];
    const edits: TextEdit[] = [];
    const applied: AppliedFix[] = [];
    const candidates = actions.flatMap(action => ('edit' in action && action.edit?.changes?.[uri] && action.diagnostics?.[0]
        ? [{ edits: [...action.edit.changes[uri]].sort(startsBefore), diagnostic: action.diagnostics[0], title: action.title }] : []));
    candidates.sort((a, b) => startsBefore(a.edits[0], b.edits[0]));
    for (const candidate of candidates) {
        if (candidate.edits.length === 0) continue;
        // An action whose edits touch another's waits for the next pass (on the text the first one made).
        if (candidate.edits.some(e => edits.some(taken => touches(taken, e)))) continue;
        edits.push(...candidate.edits);
        applied.push({ code: readDiagnosticData(candidate.diagnostic.data)!.code, line: candidate.diagnostic.range.start.line + 1, title: candidate.title });
    }
    return { edits, applied };
}

function isUtf8(bytes: Uint8Array): boolean {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return !(bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)));
    } catch {
        return false;
    }
}

/** Fixes until no safe fix applies; returns each requested file's fixes and the check of the fixed texts. */
async function fixAll(paths: readonly string[], options: FixOptions, io: CommandIO, services: LspServices): Promise<{ files: FileFixes[]; run: CheckRun }> {
    const locale = options.lang ?? io.locale ?? 'fr';
    const texts = new Map<string, string>();
    const files = new Map<string, FileFixes>();
    let run = await buildCheck(paths, options, io);
    const stdin = run.stdin;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
        let changed = false;
        for (const loaded of run.workspace.files.filter(f => f.requested)) {
            const shown = loaded.path === stdin?.path ? stdin.shown : path.relative(io.cwd, loaded.path).split(path.sep).join('/') || loaded.path;
            let file = files.get(loaded.path);
            if (!file) {
                file = { path: loaded.path, shown: visibleText(shown, ''), original: loaded.text, fixed: loaded.text, applied: [] };
                files.set(loaded.path, file);
            }
            if (file.refused) continue;
            const { edits, applied } = await safeFixes(services, loaded.document);
            if (edits.length === 0) continue;
            const fixed = TextDocument.applyEdits(loaded.document.textDocument, edits);
            if (syntaxErrors(services, fixed) > syntaxErrors(services, loaded.text)) {
                file.refused = locale === 'fr'
                    ? `une correction (${applied.map(a => a.code).join(', ')}) rendrait le texte illisible : fichier laissé tel quel`
                    : `a fix (${applied.map(a => a.code).join(', ')}) would make the text unreadable: file left as it is`;
                texts.delete(loaded.path);
                file.fixed = file.original;
                file.applied.length = 0;
                changed = true;
                continue;
            }
            file.fixed = fixed;
            file.applied.push(...applied);
            texts.set(loaded.path, fixed);
            changed = true;
        }
        if (!changed) break;
        run = await buildCheck(paths, options, io, texts, stdin);
    }
    return { files: [...files.values()], run };
}

function correctionsLine(file: FileFixes, locale: Locale, dryRun: boolean | undefined): string {
    const n = file.applied.length;
    const list = file.applied.map(a => `${a.title} (${a.code}, ${locale === 'fr' ? 'ligne' : 'line'} ${a.line})`).join(' ; ');
    const s = n > 1 ? 's' : '';
    return locale === 'fr'
        ? `cpom: ${file.shown} : ${n} correction${s} ${dryRun ? `à appliquer (rien n'est écrit)` : `appliquée${s}`} : ${visibleText(list, '')}\n`
        : `cpom: ${file.shown}: ${n} fix${n > 1 ? 'es' : ''} ${dryRun ? 'to apply (nothing written)' : 'applied'}: ${visibleText(list, '')}\n`;
}

/** Writes a fixed file in place, as `cpom fmt` does: atomically, keeping its mode and byte order mark; not a file that is not UTF-8. */
function writeFixed(file: FileFixes, locale: Locale): string | undefined {
    const bytes = readFileSync(file.path);
    const hasBom = hasUtf8Bom(bytes);
    if (!isUtf8(hasBom ? bytes.subarray(3) : bytes)) {
        return locale === 'fr'
            ? `${file.shown} n'est pas en UTF-8 : non corrigé (le réécrire changerait son encodage)`
            : `${file.shown} is not UTF-8: not fixed (rewriting it would change its encoding)`;
    }
    const body = Buffer.from(file.fixed, 'utf8');
    writeFileAtomic(file.path, hasBom ? Buffer.concat([bytes.subarray(0, 3), body]) : body, file.shown, undefined, statSync(file.path).mode & 0o7777);
    return undefined;
}

/** `services`: where the quick fixes come from (tests give a provider that breaks the text). */
export async function runFix(paths: readonly string[], options: FixOptions, io: CommandIO, services: LspServices = createCpomLspServices(EmptyFileSystem)): Promise<number> {
    const locale = options.lang ?? io.locale ?? 'fr';
    try {
        const { files, run } = await fixAll(paths, options, io, services);
        const stdin = run.stdin;
        let failed = false;
        for (const file of files) {
            if (file.refused) {
                // Left as it is: the report below is its check.
                io.stderr(`cpom: ${file.shown} : ${file.refused}\n`);
                continue;
            }
            if (file.applied.length === 0) continue;
            if (options.dryRun) {
                io.stdout(createTwoFilesPatch(`a/${file.shown}`, `b/${file.shown}`, file.original, file.fixed, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''));
            } else if (file.path !== stdin?.path) {
                const refused = writeFixed(file, locale);
                if (refused) {
                    io.stderr(`cpom: ${refused}\n`);
                    failed = true;
                    continue;
                }
            }
            io.stderr(correctionsLine(file, locale, options.dryRun));
        }
        if (files.every(f => f.applied.length === 0 && !f.refused)) {
            io.stderr(locale === 'fr' ? 'cpom: aucune correction sûre à appliquer\n' : 'cpom: no safe fix to apply\n');
        }
        // With -, the fixed text is the output, and with --fix-dry-run the diff: the report of what remains goes to
        // the standard error (or -o), without colours (they were chosen for the standard output).
        const toStderr = { ...io, stdout: io.stderr };
        if (stdin) {
            if (!options.dryRun) io.stdout(files[0]?.fixed ?? stdin.text);
            writeCheckReport(run.report, { ...options, color: false }, toStderr);
        } else if (options.dryRun) {
            writeCheckReport(run.report, { ...options, color: false }, toStderr);
        } else {
            writeCheckReport(run.report, options, io);
        }
        // A file that could not be rewritten was checked as fixed: say so by the exit code of an I/O refusal.
        return failed ? 2 : exitCodeOf(run.report, options.maxWarnings);
    } catch (error) {
        return reportFailure(error, io, locale);
    }
}
