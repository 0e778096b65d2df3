/**
 * Random reformatting of a contract that keeps its meaning, for the diff's property tests: clause order shuffled in
 * every block (the grammar takes the clauses of any block in any order), random indentation, blank lines, line and
 * block comments, lines joined and split, thousands in amounts grouped differently, accents added to or removed
 * from keywords, straight quotes turned typographic.
 *
 * It reads contracts written one clause per line (a clause may continue on the next line after a comma) with
 * blocks opened at the end of a line and closed on a line of their own — the layout of the seeds and examples.
 */
import fc from 'fast-check';

/** A clause: one logical line, or a block with its header, its clauses and its closing line. */
export interface Clause {
    readonly text: string;
    readonly children?: Clause[];
}

const STRING = /"(?:\\.|[^"\\])*"|“[^”]*”/g;

/** The text with strings blanked out (same length) and the trailing line comment removed. */
function code(line: string): string {
    const blanked = line.replace(STRING, s => '_'.repeat(s.length));
    const comment = blanked.indexOf('//');
    return comment >= 0 ? blanked.slice(0, comment) : blanked;
}

function stripComment(line: string): string {
    const c = code(line);
    return line.slice(0, c.length).trimEnd();
}

/** Parses the layout into clauses; comments and blank lines are dropped. */
export function parseClauses(text: string): Clause[] {
    const lines = text.replace(/\/\*[\s\S]*?\*\//g, '').split(/\r?\n/).map(stripComment).map(l => l.trim()).filter(l => l !== '');
    let index = 0;
    const block = (): Clause[] => {
        const clauses: Clause[] = [];
        while (index < lines.length) {
            let line = lines[index++];
            if (line === '}') return clauses;
            while (code(line).trimEnd().endsWith(',') && index < lines.length) line += ` ${lines[index++]}`;
            if (code(line).trimEnd().endsWith('{')) clauses.push({ text: line, children: block() });
            else clauses.push({ text: line });
        }
        return clauses;
    };
    return block();
}

/** Keywords that exist with and without accents (grammar/cpom.langium). */
const ACCENTED: Array<[string, string]> = [
    ['preambule', 'préambule'], ['departements', 'départements'], ['departement', 'département'], ['autorite', 'autorité'],
    ['perimetre', 'périmètre'], ['etablissements', 'établissements'], ['etablissement', 'établissement'], ['categorie', 'catégorie'],
    ['capacite', 'capacité'], ['financees', 'financées'], ['region', 'région'], ['activite', 'activité'], ['qualite', 'qualité'],
    ['echeance', 'échéance'], ['unite', 'unité'], ['reference', 'référence'], ['repartition', 'répartition'], ['comite', 'comité'],
    ['reunion', 'réunion'], ['dotation_globalisee_commune', 'dotation_globalisée_commune'], ['etat', 'état'],
    ['taux_regional', 'taux_régional'], ['taux_departemental', 'taux_départemental'], ['equation_tarifaire', 'équation_tarifaire'],
    ['forfait_global_dependance', 'forfait_global_dépendance'], ['tarif_hebergement', 'tarif_hébergement'],
    ['prix_de_journee', 'prix_de_journée'], ['hebergement_permanent', 'hébergement_permanent'],
    ['hebergement_temporaire', 'hébergement_temporaire'], ['etablissement_public', 'établissement_public'],
    ['personnes_accompagnees', 'personnes_accompagnées'], ['critere', 'critère'], ['frais_de_siege', 'frais_de_siège'],
    ['fevrier', 'février'], ['aout', 'août'], ['decembre', 'décembre'],
];
const WORD = '[\\w\\u00C0-\\u024F]';

export interface Choices {
    /** A random integer in [0, n). */
    int(n: number): number;
}

/** Applies `change` to the parts of a line outside strings. */
function outsideStrings(line: string, change: (code: string) => string): string {
    let out = '';
    let last = 0;
    for (const m of line.matchAll(STRING)) {
        out += change(line.slice(last, m.index)) + m[0];
        last = m.index! + m[0].length;
    }
    return out + change(line.slice(last));
}

const SEPARATORS = [' ', '\u00A0', '\u202F', '\u2009'];

/** Amounts (numbers before €) written with or without thousands separators, and with another separator. */
function respace(codePart: string, choose: Choices): string {
    return codePart.replace(/(?<![\d,.])(\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d+)((?:[.,]\d+)? ?€)/g, (_, int: string, rest: string) => {
        const digits = int.replace(/\D/g, '');
        if (choose.int(2) === 0 || digits.length <= 3) return digits + rest;
        const sep = SEPARATORS[choose.int(SEPARATORS.length)];
        return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + rest;
    });
}

function reaccent(codePart: string, choose: Choices): string {
    let out = codePart;
    for (const [plain, accented] of ACCENTED) {
        const re = new RegExp(`(?<!${WORD})(${plain}|${accented})(?!${WORD})`, 'g');
        out = out.replace(re, () => (choose.int(2) === 0 ? plain : accented));
    }
    return out;
}

function requote(line: string, choose: Choices): string {
    return line.replace(STRING, s => (s.startsWith('"') && !s.includes('\\') && !/[“”]/.test(s) && choose.int(3) === 0 ? `“${s.slice(1, -1)}”` : s));
}

const COMMENTS = ['// revu', '// à vérifier { } " ', '// TODO: cibles 2017 : 98 %', '/* ancien texte : capacite 999 places */', '/* } */'];

function shuffle<T>(items: readonly T[], choose: Choices): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
        const j = choose.int(i + 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
}

/** The whitespace between two tokens of a clause split over lines: never a single space between digit groups. */
function splitLine(line: string, choose: Choices): string {
    const blanked = code(line);
    const spaces = [...blanked.matchAll(/ /g)].map(m => m.index!).filter(i => !(/\d/.test(blanked[i - 1] ?? '') && /\d/.test(blanked[i + 1] ?? '')));
    if (spaces.length === 0) return line;
    const at = spaces[choose.int(spaces.length)];
    return `${line.slice(0, at)}\n${' '.repeat(choose.int(12))}${line.slice(at + 1)}`;
}

/** Writes clauses back, shuffled and laid out at random. */
export function render(clauses: Clause[], choose: Choices, depth = 0, shuffleTop = true): string {
    const out: string[] = [];
    const indent = () => ['', ' ', '    ', '\t', '\t\t', '        '][choose.int(6)].repeat(depth === 0 ? choose.int(2) : 1) + '  '.repeat(choose.int(2) * depth);
    const ordered = depth === 0 && !shuffleTop ? clauses : shuffle(clauses, choose);
    for (const clause of ordered) {
        // Imports stay first: the grammar wants them before the contracts.
        let line = clause.text;
        line = outsideStrings(line, part => reaccent(respace(part, choose), choose));
        line = requote(line, choose);
        switch (choose.int(8)) {
            case 0: out.push(`${indent()}${COMMENTS[choose.int(COMMENTS.length)]}`); break;
            case 1: out.push(''); break;
            case 2: if (!clause.children) line = splitLine(line, choose); break;
            case 3: if (!clause.children) line = `${line} ${COMMENTS[choose.int(2) === 0 ? 0 : 3]}`; break;
        }
        if (clause.children) {
            const inner = render(clause.children, choose, depth + 1);
            // A short block may be written on one line.
            if (choose.int(4) === 0 && !inner.includes('//')) {
                out.push(`${indent()}${line} ${inner.split('\n').map(l => l.trim()).filter(l => l !== '').join('\t')} }`);
            } else {
                out.push(`${indent()}${line}`, inner, `${indent()}}`);
            }
        } else {
            out.push(`${indent()}${line}`);
        }
    }
    return out.join('\n');
}

/** Random choices from a seed (a linear congruential generator: the same seed gives the same text). */
export function choicesFrom(seed: number): Choices {
    let state = seed >>> 0;
    return { int: n => (n <= 1 ? 0 : ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) >>> 8) % n) };
}

/** Reformats `text` with the choices of `seed`. */
export function reformat(text: string, seed: number): string {
    const clauses = parseClauses(text);
    const imports = clauses.filter(c => /^(importe|import)\b/.test(c.text));
    const rest = clauses.filter(c => !imports.includes(c));
    const head = imports.map(c => c.text).join('\n');
    return `${head}${head ? '\n' : ''}${render(rest, choicesFrom(seed))}\n`;
}

/** A fast-check arbitrary of reformatted versions of `text` (not shrunk: a seed has no smaller form). */
export function reformatted(text: string): fc.Arbitrary<string> {
    return fc.noShrink(fc.integer().map(seed => reformat(text, seed)));
}
