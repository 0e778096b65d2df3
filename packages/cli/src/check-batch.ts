/**
 * `cpom check` of many files without holding them all: the files are split into groups that must be checked
 * together (check-groups.ts), the groups packed into chunks; each chunk is loaded, built, reported and unloaded
 * before the next, so memory holds one chunk's ASTs, not the batch's. The same code runs on the main thread
 * (`--jobs 1`, or few files) and on each worker thread (check-workers.ts).
 */
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { type CpomServicesBundle, type ISODate, type Locale } from '@cpom/language';
import { ConfigFiles } from '@cpom/language/node';
import type { Bilingual } from './errors.js';
import { type FileReport, sortDiagnostics, toReported } from './report.js';
import { createServices, diagnosticsOf, loadWorkspace } from './workspace.js';

/** What a check needs to know besides the files; plain data (it is sent to worker threads). */
export interface BatchSettings {
    readonly cwd: string;
    /** `--lang`. */
    readonly lang?: Locale;
    /** The language of messages when neither `--lang` nor the configuration says. */
    readonly locale: Locale;
    readonly lawDate?: ISODate;
    /** `--config`, absolute. */
    readonly config?: string;
    readonly quiet?: boolean;
}

/** Files per chunk: large enough that a build's fixed costs are spread, small enough to keep memory flat. */
export const CHUNK_SIZE = 50;

export function createCheckServices(settings: BatchSettings, configs: ConfigFiles = new ConfigFiles(settings.config)): CpomServicesBundle {
    const services = createServices();
    const cpom = services.Cpom.cpom.Settings;
    cpom.forcedLocale = settings.lang;
    cpom.lawDate = settings.lawDate;
    cpom.locale = settings.locale;
    cpom.setConfigResolver(uri => configs.forFile(uri.fsPath));
    return services;
}

/** Checks one chunk (whole groups), reports its requested files, then removes every document it loaded. */
export async function checkChunk(services: CpomServicesBundle, files: readonly string[], settings: BatchSettings, warn: (message: Bilingual) => void): Promise<FileReport[]> {
    // Here, not after the previous chunk: its ASTs are unreachable only once its call has returned.
    collectWhenLarge();
    // No reference index: the chunk is checked, reported and dropped; no rule looks references up in it.
    const workspace = await loadWorkspace(services, files, warn, undefined, { referenceIndex: false });
    try {
        return workspace.files.filter(f => f.requested).map(f => {
            const diagnostics = sortDiagnostics(diagnosticsOf(f).map(toReported).filter(d => !settings.quiet || d.severity === 'error'));
            return {
                path: path.relative(settings.cwd, f.path).split(path.sep).join('/') || path.basename(f.path),
                absolutePath: f.path,
                // The text is read only to quote the lines of diagnostics: a batch does not keep the others'.
                text: diagnostics.length > 0 ? f.text : '',
                diagnostics,
            };
        });
    } finally {
        // An update that deletes them also clears the workspace caches (scopes, workspace index) that hold their ASTs.
        await services.shared.workspace.DocumentBuilder.update([], workspace.files.map(f => f.uri));
    }
}

/** Heap used above which the unloaded chunks are collected at once (see collectWhenLarge). */
const COLLECT_ABOVE_BYTES = 96 * 1024 * 1024;
let collect: (() => void) | undefined;

/**
 * V8 lets its heap grow to a multiple of what survived the last collection before collecting again: after many
 * chunks, a batch of 3,000 files peaked at 2.3 GB though one chunk's ASTs are all it keeps. A full collection when
 * the heap passes COLLECT_ABOVE_BYTES, before a chunk is loaded, keeps the peak flat. Run after a chunk, while its
 * call still held the workspace, it marked and moved that chunk's ASTs and freed them only at the next collection:
 * 100–500 ms each (under load), 17 per 1,000 files instead of 10 of 45–120 ms (issue 15).
 */
function collectWhenLarge(): void {
    if (process.memoryUsage().heapUsed < COLLECT_ABOVE_BYTES) return;
    if (!collect) {
        v8.setFlagsFromString('--expose-gc');
        collect = vm.runInNewContext('gc') as () => void;
    }
    collect();
}
