/**
 * Rule fixtures as specifications, in the manner of Safe-DS's `$TEST$` markers. A fixture is either
 *
 * - a patch of the base contract (`NAME.patch`, base `tests/fixtures/clean/base.cpom`, which has no diagnostic):
 *   blocks that each replace lines of the base, found exactly once, by new lines —
 *
 *       <<<<
 *               finess 690999016
 *       ====
 *               // $TEST$ error CPOM041
 *               finess »690999017«
 *       >>>>
 *
 *   (lines before the first block are comments on the fixture); or
 * - a whole file (`NAME.cpom`), for a catalogue or a contract too unlike the base to be a patch.
 *
 * In the text, `// $TEST$ SEVERITY CODE` (optionally followed by `"a fragment of the message"`, where « » are the
 * message's quotes, not markers) announces a
 * diagnostic on the next range marked `»…«` not yet announced (in text order, one comment per range; two
 * diagnostics on the same range are two nested ranges, `»»…««`).
 * The markers are removed before the text is checked (at the fixture's path, so that `importe` resolves), and the
 * fixture must produce exactly the announced diagnostics — code, severity, start and end — and no other.
 */
import { readFileSync } from 'node:fs';
import { applyPatch, type MarkedExpectation, parseMarkers, type Place, type RuleFixture } from './fixture-patch.js';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CpomServicesBundle } from '@cpom/language';
import { type ContractSource, createServices, diskSource, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';

export const BASE_CONTRACT = path.join(ROOT, 'tests/fixtures/clean/base.cpom');

export type { MarkedExpectation, Place, RuleFixture, Severity } from './fixture-patch.js';
export { applyPatch, parseMarkers } from './fixture-patch.js';

export function readRuleFixture(file: string): RuleFixture {
    const raw = readFileSync(file, 'utf8');
    const marked = file.endsWith('.patch') ? applyPatch(readFileSync(BASE_CONTRACT, 'utf8'), raw, file) : raw;
    return parseMarkers(marked, file);
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;

export interface ActualDiagnostic extends Omit<MarkedExpectation, 'message'> {
    readonly message: string;
}

/**
 * One set of services for every fixture (building Langium's parser costs more than checking a fixture); the
 * workspace is emptied after each check, so that a fixture is checked alone, as `cpom check` would.
 */
let services: CpomServicesBundle | undefined;

/** Checks a fixture's text as `cpom check` does, at the fixture's path (imports resolve from there). */
export async function checkFixtureText(file: string, text: string): Promise<ActualDiagnostic[]> {
    services ??= createServices();
    services.Cpom.cpom.Settings.forcedLocale = 'fr';
    const { workspace } = services.shared;
    try {
        return await checkWith(services, file, text);
    } finally {
        await workspace.DocumentBuilder.update([], workspace.LangiumDocuments.all.map(d => d.uri).toArray());
    }
}

async function checkWith(services: CpomServicesBundle, file: string, text: string): Promise<ActualDiagnostic[]> {
    // A patch is checked as the contract it stands for, beside it (`.cpom`: the language is chosen by extension).
    const checked = checkedPath(file);
    const bytes = Buffer.from(text, 'utf8');
    const source = { read: (p: string) => (path.resolve(p) === checked ? bytes : diskSource.read(p)) };
    const workspace = await loadWorkspace(services, [checked], () => {}, source);
    const document = workspace.files.find(f => path.resolve(f.path) === checked)!.document;
    return (document.diagnostics ?? []).map((d: Diagnostic) => ({
        code: String(d.code), severity: SEVERITY[(d.severity ?? 1) as 1 | 2 | 3 | 4],
        start: d.range.start, end: d.range.end, message: d.message,
    }));
}

/** A diagnostic or an expectation as one comparable line: "12:9-12:18 error CPOM041". */
export function keyOfDiagnostic(d: Omit<MarkedExpectation, 'message'>): string {
    const place = (p: Place) => `${String(p.line + 1).padStart(4, '0')}:${String(p.character + 1).padStart(3, '0')}`;
    return `${place(d.start)}-${place(d.end)} ${d.severity} ${d.code}`;
}

/** The rule fixtures (patches and whole files), catalogues under `lib/` left out. */
export function ruleFixtureFiles(): string[] {
    const dir = path.join(ROOT, 'tests/fixtures/rules');
    return [...filesUnder(dir, '.patch'), ...filesUnder(dir, '.cpom')]
        .filter(f => !f.split(path.sep).includes('lib'))
        .sort();
}

/** Where a fixture is checked: the contract a patch stands for is beside it, as `.cpom`. */
export function checkedPath(file: string): string {
    return path.resolve(file.replace(/\.patch$/, '.cpom'));
}

/** The disk, with each given fixture read as the text it stands for (patched, markers removed). */
export function fixtureSource(files: readonly string[]): ContractSource {
    const texts = new Map(files.map(f => [checkedPath(f), Buffer.from(readRuleFixture(f).text, 'utf8')]));
    return { read: p => texts.get(path.resolve(p)) ?? diskSource.read(p) };
}
