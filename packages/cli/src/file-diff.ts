/**
 * The semantic diff of one contract file between two versions of a tree of files (two git revisions, a revision
 * and the working tree, the two blobs git gives a diff driver). Each version of the file is loaded in its own
 * workspace, with the files it imports in the same version, and exported to JSON; the contracts are compared by
 * name with `diffContracts`.
 *
 * What a file contributes:
 * - the contracts it declares (with the avenants loaded with it);
 * - for avenants whose contract is declared in another file: those avenants only (the contract's own changes are
 *   the diff of the contract's file);
 * - a file that declares neither (a catalogue): the contracts of the files that import it, directly or not, and are
 *   not changed themselves (a changed importer shows the catalogue's effect in its own diff).
 */
import * as path from 'node:path';
import { type LangiumDocument, URI } from 'langium';
import { avenantNumber, consolidate, contractsOfFile, type CpomServicesBundle, firstSyntaxError, importersOf } from '@cpom/language';
import { type ContractJson, exportContract, type CpomJson } from '@cpom/generator';
import { diffContractVersions, escapeMarkdownText, formatDiffMarkdown, formatDiffText, type SemanticDiff } from '@cpom/diff';
import { avenantFilesBeside } from './avenants-beside.js';
import { UsageError } from './errors.js';
import { visibleStrings } from './terminal-text.js';
import { type ContractSource, createServices, decodeContract, loadWorkspace } from './workspace.js';

/** A version of a tree of files: a git revision, the working tree, the working tree with a file replaced. */
export interface TreeVersion {
    /** Absolute path of the tree's root (the repository's top level). */
    readonly root: string;
    readonly source: ContractSource;
    /** How a file of this version is named in the output: `HEAD:seeds/a.cpom`, `seeds/a.cpom`, `a/seeds/a.cpom`. */
    label(relativePath: string): string;
    /** Every .cpom file of this version, relative to the root with `/` (to find the importers of a catalogue). */
    listContracts(): Promise<string[]>;
}

/** A version of a file cannot be compared: its text does not parse. */
export class SyntaxProblem extends UsageError {}

/** What one version of a file contributes to the diff. */
export interface FileVersion {
    /** Contracts declared in the file. */
    readonly contracts: CpomJson[];
    /** Contracts declared elsewhere and amended by avenants of this file, reduced to those avenants. */
    readonly amended: CpomJson[];
}

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed';

export interface FileChange {
    readonly status: FileStatus;
    /** Path relative to the root, with `/`: the new path (the old one for a deleted file). */
    readonly path: string;
    /** The former path of a renamed file. */
    readonly oldPath?: string;
}

export interface FileDiff extends FileChange {
    readonly diffs: SemanticDiff[];
    /** For a file that declares no contract nor avenant: the unchanged files importing it, whose diffs are shown. */
    readonly importers?: string[];
    /** Why the file could not be compared (a syntax error). */
    readonly error?: string;
}

function toPosix(file: string): string {
    return file.split(path.sep).join('/');
}

export function absolutePath(version: TreeVersion, relativePath: string): string {
    return path.join(version.root, ...relativePath.split('/'));
}

/**
 * Loads a file (with what it imports, from the same source) and exports what it contributes. `label` names the file
 * in a syntax error. The services are left empty, so that the next version can reuse them (and their parser).
 */
export async function loadVersion(services: CpomServicesBundle, file: string, source: ContractSource, label: string, consolidatedAt?: string): Promise<FileVersion> {
    // Comparing needs names resolved, not the rules checked, nor the references indexed (the files are dropped after).
    // As amended on a day: the avenants beside the file too (an avenant imports its contract, not the reverse).
    const companions = consolidatedAt === undefined ? [] : avenantFilesBeside([file], source);
    const workspace = await loadWorkspace(services, [file], () => {}, source, { validation: false, referenceIndex: false, companions });
    try {
        const loaded = workspace.files[0];
        const syntax = firstSyntaxError(loaded.document, 'fr');
        if (syntax) {
            const place = `${label}:${syntax.line}:${syntax.column}`;
            const english = firstSyntaxError(loaded.document, 'en')!.message;
            throw new SyntaxProblem({ fr: `${place} : erreur de syntaxe, comparaison impossible : ${syntax.message}`, en: `${place}: syntax error, cannot compare: ${english}` });
        }
        const index = services.Cpom.cpom.WorkspaceIndex;
        const { declared, amended } = contractsOfFile(loaded.document);
        return {
            contracts: declared.map(c => {
                if (consolidatedAt === undefined) return exportContract(c, index.avenantsOf(c));
                // `--au`: the contract as amended on that day, by the model's one definition of an avenant's effect.
                const consolidated = consolidate(c, index.avenantsOf(c), consolidatedAt);
                return exportContract(consolidated.contract, consolidated.avenants, { consolidatedAt });
            }),
            amended: amended.map(({ contract, avenants }) => avenantsOnly(exportContract(contract, index.avenantsOf(contract)), new Set(avenants.map(avenantNumber)))),
        };
    } finally {
        await services.shared.workspace.DocumentBuilder.update([], workspace.files.map(f => f.uri));
    }
}

/** Loads a file of a version (with what it imports in that version) and exports what it contributes. */
export function loadFileVersion(version: TreeVersion, relativePath: string, services = createServices()): Promise<FileVersion> {
    return loadVersion(services, absolutePath(version, relativePath), version.source, version.label(relativePath));
}

/** A contract reduced to some of its avenants: what an avenants-only file says. */
function avenantsOnly(json: CpomJson, numbers: ReadonlySet<number>): CpomJson {
    const contract = { id: json.contract.id, title: json.contract.title, avenants: json.contract.avenants.filter(a => numbers.has(a.number)) };
    return { ...json, contract: contract as ContractJson };
}

export function diffFileVersions(before: FileVersion | undefined, after: FileVersion | undefined, labels: { oldLabel: string; newLabel: string }): SemanticDiff[] {
    const old = before ? [...before.contracts, ...before.amended] : [];
    const now = after ? [...after.contracts, ...after.amended] : [];
    // A lone contract renamed is paired only when both sides declare it (an amended contract keeps its name).
    const declaredOnly = old.length === (before?.contracts.length ?? 0) && now.length === (after?.contracts.length ?? 0);
    return diffContractVersions(old, now, labels, { pairLone: declaredOnly });
}

function contributes(version: FileVersion | undefined): boolean {
    return version !== undefined && version.contracts.length + version.amended.length > 0;
}

/**
 * The diff of one changed file between two versions. `changed` lists every changed path (relative): a catalogue's
 * importers that changed themselves are not repeated under the catalogue.
 */
export async function diffFile(change: FileChange, before: TreeVersion, after: TreeVersion, changed: ReadonlySet<string>, services = createServices()): Promise<FileDiff> {
    const oldPath = change.oldPath ?? change.path;
    try {
        const old = change.status === 'added' ? undefined : await loadFileVersion(before, oldPath, services);
        const now = change.status === 'deleted' ? undefined : await loadFileVersion(after, change.path, services);
        if (contributes(old) || contributes(now)) {
            return { ...change, diffs: diffFileVersions(old, now, { oldLabel: before.label(oldPath), newLabel: after.label(change.path) }) };
        }
        // A catalogue (or a file with nothing in it): the contracts that import it.
        const importers = await unchangedImporters([oldPath, change.path], before, after, changed, services);
        const diffs: SemanticDiff[] = [];
        for (const importer of importers) {
            const a = before.source.read(absolutePath(before, importer)) ? await loadFileVersion(before, importer, services) : undefined;
            const b = after.source.read(absolutePath(after, importer)) ? await loadFileVersion(after, importer, services) : undefined;
            diffs.push(...diffFileVersions(a, b, { oldLabel: before.label(importer), newLabel: after.label(importer) }).filter(d => d.changes.length > 0));
        }
        return { ...change, diffs, importers };
    } catch (error) {
        if (error instanceof SyntaxProblem) return { ...change, diffs: [], error: error.message };
        throw error;
    }
}

/**
 * Files that import one of `targets` (directly or through other files) in either version, and are not in `changed`.
 * Every contract file of each version is parsed (not built): its imports are its `importe` clauses.
 */
async function unchangedImporters(targets: string[], before: TreeVersion, after: TreeVersion, changed: ReadonlySet<string>, services: CpomServicesBundle): Promise<string[]> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const found = new Set<string>();
    for (const version of [before, after]) {
        const parsed: LangiumDocument[] = [];
        for (const file of await version.listContracts()) {
            const absolute = absolutePath(version, file);
            const bytes = version.source.read(absolute);
            if (bytes) parsed.push(factory.fromString(decodeContract(bytes, file), URI.file(absolute)));
        }
        for (const importer of importersOf(targets.map(t => URI.file(absolutePath(version, t))), parsed)) {
            const relative = toPosix(path.relative(version.root, importer.uri.fsPath));
            if (!changed.has(relative)) found.add(relative);
        }
    }
    return [...found].sort();
}

// ---------------------------------------------------------------------------------------------
// Output of several files

export interface FileDiffsReport {
    /** Old and new version, as the user named them (`HEAD`, `origin/main`; undefined: the working tree). */
    readonly old: string;
    readonly new?: string;
    readonly files: FileDiff[];
}

const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

function statusLine(file: FileChange): string | undefined {
    switch (file.status) {
        case 'added': return 'nouveau fichier';
        case 'deleted': return 'fichier supprimé';
        case 'renamed': return `renommé de ${file.oldPath} en ${file.path}`;
        default: return undefined;
    }
}

function noteOf(file: FileDiff): string | undefined {
    if (file.error) return `comparaison impossible : ${file.error}`;
    if (file.importers === undefined) return file.diffs.length === 0 ? 'aucun contrat dans ce fichier' : undefined;
    if (file.importers.length === 0) return 'aucun contrat dans ce fichier, et aucun autre fichier ne l\'importe';
    const names = file.importers.join(', ');
    return file.diffs.length === 0
        ? `importé par ${names} : aucun changement dans leurs contrats`
        : `importé par ${names} : changements dans leurs contrats`;
}

/** One file as text: a git-like header naming the file, then its semantic diff (control characters made visible). */
export function formatFileDiffText(raw: FileDiff, color = false): string {
    const file = visibleStrings(raw, '');
    const paint = (text: string) => (color ? `${BOLD}${text}${RESET}` : text);
    const lines = [paint(`diff --cpom a/${file.oldPath ?? file.path} b/${file.path}`)];
    const status = statusLine(file);
    if (status) lines.push(status);
    const note = noteOf(file);
    if (note) lines.push(note);
    return lines.join('\n') + '\n' + file.diffs.map(d => formatDiffText(d, { color })).join('');
}

function codeSpan(text: string): string {
    return /[`\r\n]/.test(text) ? escapeMarkdownText(text) : `\`${text}\``;
}

function formatFileDiffMarkdown(file: FileDiff): string {
    const status = statusLine(file);
    const blocks = [`### ${codeSpan(file.path)}${status ? ` — ${escapeMarkdownText(status)}` : ''}\n`];
    const note = noteOf(file);
    if (note) blocks.push(`${escapeMarkdownText(note)}\n`);
    blocks.push(...file.diffs.map(formatDiffMarkdown));
    return blocks.join('\n');
}

export function renderFileDiffs(raw: FileDiffsReport, format: 'text' | 'markdown' | 'json', color: boolean): string {
    // JSON escapes what it holds; text and Markdown show the control characters of user strings.
    const report = format === 'json' ? raw : visibleStrings(raw, '');
    switch (format) {
        case 'json':
            return JSON.stringify({
                formatVersion: 1,
                old: report.old,
                new: report.new ?? null,
                files: report.files.map(f => ({
                    path: f.path,
                    ...(f.oldPath ? { oldPath: f.oldPath } : {}),
                    status: f.status,
                    ...(f.importers ? { importers: f.importers } : {}),
                    ...(f.error ? { error: f.error } : {}),
                    diffs: f.diffs,
                })),
            }, null, 2) + '\n';
        case 'markdown': {
            const range = `${report.old} → ${report.new ?? 'copie de travail'}`;
            const head = `## Changements des contrats (${escapeMarkdownText(range)})\n\n`;
            if (report.files.length === 0) return `${head}Aucun fichier .cpom modifié.\n`;
            return head + report.files.map(formatFileDiffMarkdown).join('\n');
        }
        case 'text':
            return report.files.map(f => formatFileDiffText(f, color)).join('\n');
    }
}

export { toPosix };
