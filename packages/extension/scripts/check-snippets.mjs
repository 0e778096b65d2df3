// Checks that every snippet parses: each snippet (and each value of each of its choices) is expanded with its
// defaults, pasted where it belongs into a copy of the MESSIDOR seed, and the copies are checked with the CLI
// (`cpom check --format json`). A syntax error (CPOM001) fails; semantic diagnostics (unknown placeholder names,
// invented FINESS keys…) are expected and only counted.
// Usage: node packages/extension/scripts/check-snippets.mjs   (after `npm run build`; exit 1 on a problem)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const seed = readFileSync(path.join(root, 'seeds/messidor-2013.cpom'), 'utf8');
const snippets = JSON.parse(readFileSync(path.join(here, '../snippets/cpom.json'), 'utf8'));

/** Where each snippet goes: `start`, `end`, `contract` (before the contract's closing brace) or after a line. */
const places = {
    'Contrat': 'end', 'Avenant': 'end', 'Catalogue': 'end', 'Importe': 'start',
    'Gestionnaire': 'contract', 'Autorité (ARS)': 'contract', 'Autorité (département)': 'contract', 'Signataires': 'contract',
    'Périmètre': 'contract', 'Diagnostic': 'contract', 'Axe': 'contract', 'Moyens': 'contract', 'Suivi': 'contract',
    'Établissement': /^\s*périmètre \{$/m,
    'Objectif': /^\s*axe A1 .*\{$/m,
    'Action': /^\s*objectif FA01 .*\{$/m, 'Indicateur': /^\s*objectif FA01 .*\{$/m, 'Indicateur (catalogue)': /^\s*objectif FA01 .*\{$/m,
    'Dotation': /^\s*moyens \{$/m, 'Forfait': /^\s*moyens \{$/m, 'Tarif': /^\s*moyens \{$/m,
    'Crédits non reconductibles': /^\s*moyens \{$/m, 'Frais de siège': /^\s*moyens \{$/m, 'Modulation': /^\s*moyens \{$/m,
    'Répartition': /^\s*dotation DGC .*\{$/m,
};

/** The snippet's text with defaults; `choices` picks a value for some choice tab stops (default: the first). */
function expand(body, choices = {}) {
    let text = body.join('\n').replace(/\t/g, '    ');
    text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n, list) => choices[n] ?? list.split(',')[0]);
    for (let previous; previous !== text;) {
        previous = text;
        text = text.replace(/\$\{(\d+):([^${}]*)\}/g, '$2');
    }
    return text.replace(/\$\d+/g, '');
}

function paste(snippetText, place) {
    if (place === 'start') return `${snippetText}\n${seed}`;
    if (place === 'end') return `${seed}\n${snippetText}\n`;
    if (place === 'contract') {
        const close = seed.lastIndexOf('}');
        return `${seed.slice(0, close)}\n${snippetText}\n${seed.slice(close)}`;
    }
    const match = place.exec(seed);
    if (!match) throw new Error(`no place ${place}`);
    const at = match.index + match[0].length;
    return `${seed.slice(0, at)}\n${snippetText}\n${seed.slice(at)}`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'cpom-snippets-'));
const cases = new Map();
const problems = [];
for (const [name, snippet] of Object.entries(snippets)) {
    const place = places[name];
    if (!place) { problems.push(`snippet '${name}': no place to paste it in this script`); continue; }
    const variants = [{}];
    for (const [, n, list] of snippet.body.join('\n').matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) {
        for (const value of list.split(',').slice(1)) variants.push({ [n]: value });
    }
    variants.forEach((choices, index) => {
        const file = path.join(dir, `${String(cases.size).padStart(3, '0')}.cpom`);
        writeFileSync(file, paste(expand(snippet.body, choices), place));
        cases.set(file, `${name}${index > 0 ? ` (${Object.values(choices)[0]})` : ''}`);
    });
}

let report;
try {
    report = execFileSync(process.execPath, [path.join(root, 'packages/cli/bin/cpom.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
} catch (error) {
    if (error.status !== 1) throw error;
    report = error.stdout;
}
const semantic = new Map();
for (const file of JSON.parse(report).files) {
    const label = cases.get(path.resolve(dir, path.basename(file.path))) ?? file.path;
    for (const d of file.diagnostics) {
        if (d.code === 'CPOM001') problems.push(`${label}: ${d.message} (line ${d.range.start.line + 1})`);
        else semantic.set(d.code, (semantic.get(d.code) ?? 0) + 1);
    }
}
rmSync(dir, { recursive: true, force: true });
console.log(`${Object.keys(snippets).length} snippets, ${cases.size} expansions checked; semantic diagnostics (expected): ${[...semantic].map(([c, n]) => `${c}×${n}`).join(' ')}`);
if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
}
console.log('Snippets: no syntax error.');
