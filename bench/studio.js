/**
 * The studio (packages/studio/dist) in numbers: what a browser transfers (gzip, as a web server would send it;
 * source maps and the file:// fallback not counted), the time from navigation to an interactive page (the language
 * server's worker started and initialised: mark `cpom-ready`), and from opening the bundled seed to its first
 * diagnostics (`cpom-open` → `cpom-first-diagnostics`), in Debian's headless Chromium. Figures are reported, never
 * asserted (the page itself answers at `cpom-interactive`, before the server is ready). Run alone: `node bench/studio.js` (after `npm run build:studio`); `npm run bench` runs it too.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** What the page loads over http(s): the rest of dist/ (maps, notices, the file:// worker copy) is not fetched. */
const TRANSFERRED = ['index.html', 'studio.css', 'studio.js', 'server-worker.js'];
const CHROMIUM = process.env.CPOM_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The budgets (compressed size, interactive after load, first diagnostics after that). */
export const STUDIO_TARGETS = { gzipMB: 5, interactiveMs: 2000, firstDiagnosticsMs: 1000 };

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/** Bytes of each file of the page, raw and gzipped (level 9). */
export function studioSize(dist) {
    const files = TRANSFERRED.map(name => {
        const bytes = readFileSync(path.join(dist, name));
        return { name, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
    return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

/**
 * @param {string} root the repository
 * @param {{ runs?: number }} options
 */
export async function measureStudio(root, { runs = 3 } = {}) {
    const dist = path.join(root, 'packages/studio/dist');
    if (!existsSync(path.join(dist, 'index.html'))) return { error: 'packages/studio/dist is missing: run npm run build:studio' };
    const size = studioSize(dist);
    if (!existsSync(CHROMIUM)) return { size, skipped: `Chromium not found at ${CHROMIUM}` };
    // The studio's own server (what `cpom studio` runs), from the built CLI bundle's sources.
    const { serveStudio } = await import(pathToFileURL(path.join(root, 'packages/cli/dist/studio-command.js')).href);
    const { chromium } = await import('playwright-core');
    const server = await serveStudio(dist, 0);
    const url = `http://127.0.0.1:${server.address().port}/`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const samples = [];
    try {
        for (let run = 0; run < runs; run++) {
            const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
            await page.goto(url);
            await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
            await page.click('button[data-example="seeds/messidor-2013.cpom"]');
            await page.waitForFunction("performance.getEntriesByName('cpom-first-diagnostics').length > 0", undefined, { timeout: 60_000 });
            // Run in the page (a string: these are the browser's performance entries, not Node's).
            samples.push(await page.evaluate(`(() => {
                const at = name => performance.getEntriesByName(name)[0].startTime;
                const navigation = performance.getEntriesByType('navigation')[0];
                return { interactiveMs: at('cpom-interactive'), serverReadyMs: at('cpom-ready'), domContentLoadedMs: navigation.domContentLoadedEventEnd, firstDiagnosticsMs: at('cpom-first-diagnostics') - at('cpom-open') };
            })()`));
            await page.close();
        }
    } finally {
        await browser.close();
        await new Promise(resolve => server.close(resolve));
    }
    return {
        size,
        runs,
        interactiveMs: median(samples.map(s => s.interactiveMs)),
        domContentLoadedMs: median(samples.map(s => s.domContentLoadedMs)),
        serverReadyMs: median(samples.map(s => s.serverReadyMs)),
        firstDiagnosticsMs: median(samples.map(s => s.firstDiagnosticsMs)),
        samples,
    };
}

/** The studio's rows of the targets table. */
export function studioTargets(r) {
    if (r.error || !r.size) return [];
    const rows = [{ name: 'studio: transferred size (gzip)', value: r.size.gzipBytes / 1e6, target: STUDIO_TARGETS.gzipMB, unit: 'MB', pass: r.size.gzipBytes / 1e6 < STUDIO_TARGETS.gzipMB }];
    if (r.interactiveMs !== undefined) {
        rows.push({ name: 'studio: interactive after load (median)', value: r.interactiveMs, target: STUDIO_TARGETS.interactiveMs, unit: 'ms', pass: r.interactiveMs < STUDIO_TARGETS.interactiveMs });
        rows.push({ name: 'studio: language server ready after load (median)', value: r.serverReadyMs, target: STUDIO_TARGETS.interactiveMs, unit: 'ms', pass: r.serverReadyMs < STUDIO_TARGETS.interactiveMs });
        rows.push({ name: 'studio: first diagnostics of the seed after opening it', value: r.firstDiagnosticsMs, target: STUDIO_TARGETS.firstDiagnosticsMs, unit: 'ms', pass: r.firstDiagnosticsMs < STUDIO_TARGETS.firstDiagnosticsMs });
    }
    return rows;
}

export function printStudioReport(r, log) {
    log('\nStudio (packages/studio/dist, served on 127.0.0.1, headless Chromium)');
    if (r.error) { log(`  not measured: ${r.error}`); return; }
    for (const f of r.size.files) log(`  ${f.name.padEnd(18)} ${(f.bytes / 1024).toFixed(0).padStart(6)} KiB  gzip ${(f.gzipBytes / 1024).toFixed(0).padStart(5)} KiB`);
    log(`  transferred        ${(r.size.bytes / 1024).toFixed(0).padStart(6)} KiB  gzip ${(r.size.gzipBytes / 1024).toFixed(0).padStart(5)} KiB`);
    if (r.skipped) { log(`  timings skipped: ${r.skipped}`); return; }
    log(`  interactive after load ${r.interactiveMs.toFixed(0)} ms (DOMContentLoaded ${r.domContentLoadedMs.toFixed(0)} ms), language server ready ${r.serverReadyMs.toFixed(0)} ms, first diagnostics of the seed ${r.firstDiagnosticsMs.toFixed(0)} ms after opening it (median of ${r.runs})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const result = await measureStudio(root, { runs: 3 });
    printStudioReport(result, text => console.log(text));
    for (const t of studioTargets(result)) console.log(`  ${t.pass ? 'ok  ' : 'MISS'} ${t.name}: ${t.value.toFixed(2)} ${t.unit} (target < ${t.target})`);
}
