// Where the PDF of the ~5,000-line contract spends its time, step by step (issue 15): Chromium's start, the HTML, the
// page loaded for print, the table of contents measured and filled in, the print, the anchors read back, the close.
// Wall and CPU per step: Node's (process.cpuUsage) and Chromium's, every process of its group summed from /proc
// (Linux), by process type. `--root DIR` (repeatable) runs other checkouts' builds interleaved with this one, each in
// its own child process per round (before / after on a loaded machine); `--runs N` rounds (default 5).
//   node bench/pdf-steps.js [--runs N] [--root DIR]... [--whole]
// `--whole` times only `withPdfPrinter(printer => pdfWithPageNumbers(model, printer))`, as `bench/generation.js` does.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contractOfAboutLines } from './generate.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = name => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const RUNS = Number(option('--runs')[0] ?? 5);
const WHOLE = args.includes('--whole');
const CHILD = option('--child')[0];

const TICK = 100; // USER_HZ: /proc's CPU times are in ticks of 10 ms

/** CPU ms of every live process of the group `pgid`, by Chromium process type. */
function groupCpu(pgid) {
    const byType = {};
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        let stat;
        try {
            stat = readFileSync(`/proc/${name}/stat`, 'latin1');
        } catch {
            continue;
        }
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) !== pgid) continue;
        let type = 'browser';
        try {
            const cmd = readFileSync(`/proc/${name}/cmdline`, 'latin1');
            type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
            if (type === 'utility') type = `utility:${/--utility-sub-type=([\w.]+)/.exec(cmd)?.[1]?.split('.').pop() ?? '?'}`;
        } catch {
            // Gone.
        }
        // utime, stime, cutime, cstime: fields 14–17 of stat (11–14 after the state).
        const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
        byType[type] = (byType[type] ?? 0) + ticks * (1000 / TICK);
    }
    return byType;
}

const sum = o => Object.values(o).reduce((a, b) => a + b, 0);

async function child(root) {
    const language = await import(pathToFileURL(path.join(root, 'packages/language/dist/index.js')).href);
    const generator = await import(pathToFileURL(path.join(root, 'packages/generator/dist/index.js')).href);
    const pdf = await import(pathToFileURL(path.join(root, 'packages/cli/dist/pdf.js')).href);
    const output = await import(pathToFileURL(path.join(root, 'packages/cli/dist/document-output.js')).href);
    const { anchorPages } = await import(pathToFileURL(path.join(root, 'packages/cli/dist/pdf-pages.js')).href);
    const { PdfEngine } = await import(pathToFileURL(path.join(root, 'packages/cli/dist/pdf-engine.js')).href);
    const { EmptyFileSystem, URI } = await import('langium');
    const services = language.createCpomServices(EmptyFileSystem);
    const { text } = contractOfAboutLines(5000, 2);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///generation.cpom'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const contract = document.parseResult.value.elements.find(language.ast.isContrat);
    const model = generator.buildContractDocument(contract, services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract));
    generator.renderHtml(model); // warm the renderer's JIT, as a bench run after its warm-up

    if (WHOLE) {
        // Chromium's CPU read just before it is killed.
        let chromium = {};
        const close = PdfEngine.prototype.close;
        PdfEngine.prototype.close = function () {
            chromium = groupCpu(this.browser.pid);
            return close.call(this);
        };
        const t = performance.now();
        const cpu = process.cpuUsage();
        const bytes = await pdf.withPdfPrinter(printer => output.pdfWithPageNumbers(model, printer));
        const c = process.cpuUsage(cpu);
        return { steps: [{ step: 'whole', wall: performance.now() - t, node: (c.user + c.system) / 1000, chromium }], bytes: bytes.length };
    }

    const steps = [];
    let engine;
    let last = { t: performance.now(), node: process.cpuUsage(), chromium: {} };
    const mark = step => {
        const now = { t: performance.now(), node: process.cpuUsage(), chromium: engine ? groupCpu(engine.browser.pid) : {} };
        const chromium = {};
        for (const [k, v] of Object.entries(now.chromium)) chromium[k] = v - (last.chromium[k] ?? 0);
        steps.push({ step, wall: now.t - last.t, node: (now.node.user - last.node.user + now.node.system - last.node.system) / 1000, chromium });
        last = now;
    };
    const html = generator.withTocMeasureStyle(generator.renderHtml(model, { pageNumbers: new Map() }));
    mark('html');
    engine = await PdfEngine.start(pdf.findChromium());
    mark('start');
    await engine.load(html, { media: 'print' });
    mark('load');
    const estimated = new Map(await engine.evaluate(generator.tocPageEstimateScript()));
    mark('measure');
    await engine.evaluate(generator.tocPageNumbersScript(estimated));
    mark('fill');
    const printed = await engine.print();
    mark('print');
    const pages = anchorPages(printed);
    const right = [...estimated].every(([id, page]) => pages.get(id) === page);
    mark('anchors');
    const closing = engine;
    engine = undefined; // gone after the close: no CPU to read
    await closing.close();
    mark('close');
    return { steps, bytes: printed.length, right };
}

function runChild(root) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', root, ...(WHOLE ? ['--whole'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
    return JSON.parse(out);
}

const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
};
const f = ms => (ms / 1000).toFixed(2);

if (CHILD) {
    process.stdout.write(JSON.stringify(await child(CHILD)));
} else {
    const roots = [path.resolve(HERE, '..'), ...option('--root').map(r => path.resolve(r))];
    const results = new Map(roots.map(r => [r, []]));
    console.log(`load average at start: ${loadavg().map(l => l.toFixed(2)).join(' ')}`);
    for (let round = 0; round < RUNS; round++) {
        for (const root of round % 2 ? [...roots].reverse() : roots) {
            const r = runChild(root);
            results.get(root).push(r);
            const total = r.steps.reduce((a, s) => ({ wall: a.wall + s.wall, cpu: a.cpu + s.node + sum(s.chromium) }), { wall: 0, cpu: 0 });
            console.log(`round ${round + 1} ${root}: wall ${f(total.wall)} s, CPU ${f(total.cpu)} s, ${r.bytes} bytes${r.right === false ? ', TOC measured WRONG' : ''}  [load ${loadavg()[0].toFixed(2)}]`);
        }
    }
    for (const [root, runs] of results) {
        console.log(`\n${root}: median of ${runs.length} (s)`);
        console.log('step      wall   node  chromium  (by process type)');
        for (const [i, { step }] of runs[0].steps.entries()) {
            const types = [...new Set(runs.flatMap(r => Object.keys(r.steps[i].chromium)))];
            const byType = types.map(t => `${t} ${f(median(runs.map(r => r.steps[i].chromium[t] ?? 0)))}`).join(', ');
            console.log(`${step.padEnd(9)} ${f(median(runs.map(r => r.steps[i].wall))).padStart(5)}  ${f(median(runs.map(r => r.steps[i].node))).padStart(5)}  ${f(median(runs.map(r => sum(r.steps[i].chromium)))).padStart(5)}    ${byType}`);
        }
        const totals = runs.map(r => r.steps.reduce((a, s) => ({ wall: a.wall + s.wall, cpu: a.cpu + s.node + sum(s.chromium) }), { wall: 0, cpu: 0 }));
        console.log(`total     wall ${f(median(totals.map(t => t.wall)))} (${f(Math.min(...totals.map(t => t.wall)))}–${f(Math.max(...totals.map(t => t.wall)))}), CPU ${f(median(totals.map(t => t.cpu)))} (${f(Math.min(...totals.map(t => t.cpu)))}–${f(Math.max(...totals.map(t => t.cpu)))})`);
    }
    console.log(`\nload average at end: ${loadavg().map(l => l.toFixed(2)).join(' ')}`);
}
