// How far below the warm pipeline a Langium/Chevrotain parse can go: the ~5,000-line contract through each layer
// alone, against its JSON floor (JSON.parse + ajv), in CPU time of the process (a shared machine's other load does
// not count; V8's GC threads do). Not run by run.js; the evidence for issue 15's "≤ 15× the floor" row:
//
//   node bench/parse-floor.js [--lines 5000] [--runs 15] [--root ../other-checkout]   (another build: before/after)
//   node bench/parse-floor.js --against ../other-checkout   (both builds' pipelines alternately, in one process)
//
// Layers: Chevrotain's lexer as cpom builds it (its token types, the linear last-resort token, the STRING scan);
// lexer + Chevrotain's recognizer driven by Langium's grammar walk with the CST and AST building left out (the
// parser's consume/subrule/action/construct reduced to the calls into Chevrotain); Langium's full parse (CST + AST +
// value conversion); the document factory; scope + link; validation.
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { CONTRACT_SCHEMA, CPOM_CONFIG, contractOfAboutLines } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// CPU time of the process (user + system, all threads: V8's GC helpers included), microsecond resolution.
const cpuClock = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median and minimum of `runs` timed calls of `fn` after `warmup` untimed ones. */
async function time(fn, { warmup = 5, runs = 15 } = {}) {
    const samples = [];
    for (let i = 0; i < warmup + runs; i++) {
        const t0 = cpuClock();
        await fn();
        const t = cpuClock() - t0;
        if (i >= warmup) samples.push(t);
    }
    return { median: median(samples), min: Math.min(...samples) };
}

/**
 * The recognizer alone: the parser's hooks that build the CST and the AST reduced to the calls into Chevrotain.
 * Langium's rule functions still push one `{ $type }` per rule call and pop it in `construct` (kept, so that the
 * stack stays balanced); that is all the building left.
 */
function recognizerOnly(parser) {
    const hooks = {
        consume(idx, tokenType) { this.wrapper.wrapConsume(idx, tokenType); },
        subrule(idx, rule, _fragment, _feature, args) { this.wrapper.wrapSubrule(idx, rule, args); },
        action() { /* no AST */ },
        construct() { return this.stack.pop(); },
    };
    return (text) => {
        // The grammar's rule functions call the parser's own methods: swapped for this call only.
        Object.assign(parser, hooks);
        try {
            const lexed = parser.lexer.tokenize(text);
            parser.wrapper.input = lexed.tokens;
            parser.wrapper.rule(parser.mainRule);
            parser.stack.length = 0;
            if (parser.wrapper.errors.length > 0) throw new Error(`recognizer: ${parser.wrapper.errors.length} parse error(s)`);
        } finally {
            for (const name of Object.keys(hooks)) delete parser[name];
        }
    };
}

/** The language services of a build (its checkout's root) with the bench's config, and Langium's URI. */
async function servicesOf(root) {
    const language = await import(pathToFileURL(path.join(root, 'packages/language/dist/index.js')).href);
    const { NodeFileSystem } = await import('langium/node');
    const { URI } = await import('langium');
    const { shared, Cpom } = language.createCpomServices(NodeFileSystem);
    const config = language.resolveConfig(CPOM_CONFIG, 'bench config');
    Cpom.cpom.Settings.setConfigResolver(() => config);
    return { shared, Cpom, URI };
}

export async function measureParseFloor({ lines = 5000, runs = 15, warmup = 5, root = ROOT } = {}) {
    const { shared, Cpom, URI } = await servicesOf(root);
    const { text, json } = contractOfAboutLines(lines, 2);

    const jsonText = JSON.stringify(json);
    const validateJson = new Ajv({ allErrors: false }).compile(CONTRACT_SCHEMA);
    const layers = {};
    layers.jsonFloor = await time(() => { if (!validateJson(JSON.parse(jsonText))) throw new Error('JSON floor: invalid'); }, { warmup, runs: runs * 3 });
    layers.jsonParse = await time(() => JSON.parse(jsonText), { warmup, runs: runs * 3 });

    const lexer = Cpom.parser.Lexer;
    const chevrotainDefault = lexer.chevrotainLexer;
    const tokens = lexer.tokenize(text).tokens.length;
    layers.lexer = await time(() => lexer.tokenize(text), { warmup, runs });
    layers.lexerChevrotainDefault = await time(() => chevrotainDefault.tokenize(text), { warmup, runs });
    const parser = Cpom.parser.LangiumParser;
    const recognize = recognizerOnly(parser);
    recognize(text);
    layers.lexerRecognizer = await time(() => recognize(text), { warmup, runs });
    layers.parse = await time(() => parser.parse(text), { warmup, runs });

    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const validator = Cpom.validation.DocumentValidator;
    const uri = URI.file(path.join(os.tmpdir(), 'cpom-bench-parse-floor', 'big.cpom'));
    const phase = { factory: [], link: [], validate: [] };
    for (let i = 0; i < warmup + runs; i++) {
        const t0 = cpuClock();
        const document = factory.fromString(text, uri);
        const t1 = cpuClock();
        documents.addDocument(document);
        await builder.build([document], { validation: false });
        const t2 = cpuClock();
        const diagnostics = await validator.validateDocument(document);
        const t3 = cpuClock();
        if (diagnostics.some(d => (d.severity ?? 1) <= 2)) throw new Error(`the contract is not clean: ${diagnostics[0].code} ${diagnostics[0].message}`);
        documents.deleteDocument(uri);
        shared.workspace.IndexManager.remove(uri);
        if (i >= warmup) {
            phase.factory.push(t1 - t0);
            phase.link.push(t2 - t1);
            phase.validate.push(t3 - t2);
        }
    }
    for (const [key, samples] of Object.entries(phase)) layers[key] = { median: median(samples), min: Math.min(...samples) };
    const pipeline = phase.factory.map((p, i) => p + phase.link[i] + phase.validate[i]);
    layers.pipeline = { median: median(pipeline), min: Math.min(...pipeline) };
    return { lines: text.split('\n').length, tokens, layers };
}

/** Parse + link + validate of one build (its checkout's root), as a function timed by `compareBuilds`. */
async function pipelineOf(root, text) {
    const { shared, Cpom, URI } = await servicesOf(root);
    const uri = URI.file(path.join(os.tmpdir(), 'cpom-bench-parse-floor', 'compared.cpom'));
    return async () => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const diagnostics = await Cpom.validation.DocumentValidator.validateDocument(document);
        shared.workspace.LangiumDocuments.deleteDocument(uri);
        shared.workspace.IndexManager.remove(uri);
        return diagnostics.length;
    };
}

/**
 * The warm pipeline of two builds run alternately in one process (each run of one, then one of the other, the order
 * swapped every round), so that both see the same load: CPU ms, median and minimum, and the diagnostics' count.
 */
export async function compareBuilds({ lines = 5000, runs = 20, warmup = 4, roots }) {
    const { text } = contractOfAboutLines(lines, 2);
    const builds = [];
    for (const root of roots) builds.push({ root, run: await pipelineOf(root, text), samples: [], diagnostics: 0 });
    for (let i = 0; i < warmup + runs; i++) {
        for (const build of i % 2 ? builds : [...builds].reverse()) {
            const t0 = cpuClock();
            build.diagnostics = await build.run();
            if (i >= warmup) build.samples.push(cpuClock() - t0);
        }
    }
    return builds.map(({ root, samples, diagnostics }) => ({ root, diagnostics, median: median(samples), min: Math.min(...samples) }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
    if (process.argv.includes('--help')) {
        console.log('node bench/parse-floor.js [--lines 5000] [--runs 15] [--warmup 5] [--root DIR | --against DIR]: each layer of the warm pipeline against the JSON floor (DIR: another checkout, built; --against: its pipeline and this one\'s alternately)');
        process.exit(0);
    }
    const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
    const load0 = os.loadavg();
    const againstAt = process.argv.indexOf('--against');
    if (againstAt > 0) {
        const load0 = os.loadavg();
        const roots = [path.resolve(process.argv[againstAt + 1]), ROOT];
        const compared = await compareBuilds({ lines: arg('--lines', 5000), runs: arg('--runs', 20), warmup: arg('--warmup', 4), roots });
        console.log(`parse + link + validate, two builds alternately, process CPU (ms); load ${load0.map(x => x.toFixed(2)).join(' ')} → ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
        for (const c of compared) console.log(`  ${c.root.padEnd(40)} median ${c.median.toFixed(1).padStart(7)}  min ${c.min.toFixed(1).padStart(7)}  (${c.diagnostics} diagnostics)`);
        console.log(`  this build / the other: ${(compared[1].median / compared[0].median).toFixed(2)} (medians), ${(compared[1].min / compared[0].min).toFixed(2)} (minima)`);
        process.exit(0);
    }
    const rootAt = process.argv.indexOf('--root');
    const root = rootAt > 0 ? path.resolve(process.argv[rootAt + 1]) : ROOT;
    const r = await measureParseFloor({ lines: arg('--lines', 5000), runs: arg('--runs', 15), warmup: arg('--warmup', 5), root });
    const floor = r.layers.jsonFloor.median;
    console.log(`parse floor${root === ROOT ? '' : ' (' + root + ')'}, ${r.lines} lines, ${r.tokens} tokens, process CPU time (ms, median / min of the runs); load ${load0.map(x => x.toFixed(2)).join(' ')} → ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
    const labels = {
        jsonFloor: 'JSON.parse + ajv (the floor)', jsonParse: 'JSON.parse alone', lexer: 'cpom lexer (linear, STRING scan)',
        lexerChevrotainDefault: "Chevrotain's lexer of Langium's tokens", lexerRecognizer: 'lexer + recognizer, no CST/AST',
        parse: 'Langium parse (CST + AST)', factory: 'document factory (parse)', link: 'scope + link', validate: 'validate', pipeline: 'parse + link + validate',
    };
    for (const [key, value] of Object.entries(r.layers)) {
        console.log(`  ${labels[key].padEnd(40)} ${value.median.toFixed(2).padStart(8)} ${value.min.toFixed(2).padStart(8)}   ${(value.median / floor).toFixed(1).padStart(5)}× floor`);
    }
}
