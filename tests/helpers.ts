/** Test helpers: load contracts the way the CLI does and read their diagnostics. */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { createCpomServices, type Locale } from '@cpom/language';
import { EmptyFileSystem } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface SimpleDiagnostic {
    readonly code: string;
    readonly line: number; // 1-based
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;

export function simplify(d: Diagnostic): SimpleDiagnostic {
    return { code: String(d.code), line: d.range.start.line + 1, severity: SEVERITY[(d.severity ?? 1) as 1 | 2 | 3 | 4], message: d.message };
}

let diskServices: ReturnType<typeof createServices> | undefined;

/**
 * Validates files on disk (and what they import) as `cpom check` does; returns diagnostics by path. One set of
 * services for every call (building Langium's parser costs more than checking a file), emptied after each.
 */
export async function checkFiles(files: string[], locale: Locale = 'fr'): Promise<Map<string, SimpleDiagnostic[]>> {
    const services = diskServices ??= createServices();
    const { workspace: documents } = services.shared;
    services.Cpom.cpom.Settings.forcedLocale = locale;
    try {
        const workspace = await loadWorkspace(services, files);
        return new Map(workspace.files.map(f => [f.path, (f.document.diagnostics ?? []).map(simplify)]));
    } finally {
        await documents.DocumentBuilder.update([], documents.LangiumDocuments.all.map(d => d.uri).toArray());
    }
}

let memoryServices: ReturnType<typeof createCpomServices> | undefined;
let counter = 0;

/** Parses and validates a text in memory (no file system); each call is its own workspace. */
export async function checkText(text: string, locale: Locale = 'fr'): Promise<SimpleDiagnostic[]> {
    memoryServices ??= createCpomServices(EmptyFileSystem);
    const { shared } = memoryServices;
    memoryServices.Cpom.cpom.Settings.forcedLocale = locale;
    const uri = URI.parse(`memory:///test-${counter++}.cpom`);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return (document.diagnostics ?? []).map(simplify);
    } finally {
        await shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

/** All files under a folder whose name ends with `suffix`, recursively, sorted. */
export function filesUnder(dir: string, suffix: string): string[] {
    const result: string[] = [];
    for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) {
            result.push(...filesUnder(full, suffix));
        } else if (entry.endsWith(suffix)) {
            result.push(full);
        }
    }
    return result.sort();
}
