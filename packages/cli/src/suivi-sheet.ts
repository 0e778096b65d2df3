/**
 * From a sheet of values (rows of cells, as read from an XLSX or CSV by `suivi-import.ts`) to the text of a
 * follow-up file (`suivi_annuel du contrat X annee N { … }`). Columns are recognised by their French names
 * (docs/suivi-import.md gives the mapping), rows matched to the contract's indicators and establishments by
 * identifier, title or FINESS. No I/O. Bad input (no recognised column, a value that is not a number) is a
 * UsageError naming the line and the column; a row that matches nothing is returned with its line.
 */
import { ast, establishmentFacts, indicatorsOf, inheritedIndicatorProp, normaliseTitle, objectivesOf, perimeterOf } from '@cpom/language';
import { UsageError } from './errors.js';

export interface SheetRow {
    /** The line of the row in the file (1 for the first), as a spreadsheet or an editor shows it. */
    readonly line: number;
    readonly cells: readonly string[];
}

type Field = 'indicator' | 'establishment' | 'value' | 'source' | 'comment' | 'days' | 'occupancy' | 'activePatients' | 'threshold';

/** Column names, compared without case, accents or punctuation. */
const COLUMN_NAMES: Record<Field, readonly string[]> = {
    indicator: ['indicateur', 'code indicateur', 'intitule indicateur', 'intitule de l indicateur', 'nom de l indicateur'],
    establishment: ['etablissement', 'etablissement ou service', 'esms', 'finess', 'finess etablissement', 'code etablissement'],
    value: ['valeur', 'valeur realisee', 'realise', 'resultat', 'valeur atteinte'],
    source: ['source', 'source de la valeur'],
    comment: ['commentaire', 'commentaires', 'observation', 'observations'],
    days: ['journees realisees', 'journees', 'nombre de journees'],
    occupancy: ['taux d occupation', 'taux occupation', 'taux d occupation realise'],
    activePatients: ['file active', 'personnes accompagnees'],
    threshold: ['seuil', 'seuil de modulation'],
};

export const FIELD_LABELS: Record<Field, string> = {
    indicator: 'Indicateur', establishment: 'Établissement', value: 'Valeur', source: 'Source', comment: 'Commentaire',
    days: 'Journées réalisées', occupancy: 'Taux d\'occupation', activePatients: 'File active', threshold: 'Seuil',
};

function columnKey(name: string): string {
    return normaliseTitle(name).replace(/[^a-z0-9]+/g, ' ').trim();
}

export interface ImportResult {
    readonly text: string;
    readonly unmatched: ReadonlyArray<{ line: number; label: string }>;
    readonly notes: readonly string[];
    readonly indicators: number;
    readonly activities: number;
}

export interface ImportInput {
    readonly rows: readonly SheetRow[];
    /** The sheet as the user named it, for messages. */
    readonly shown: string;
    readonly contract: ast.Contrat;
    readonly year: number;
    /** The import path of the contract from the follow-up file. */
    readonly importPath: string;
}

/** A number as typed in a French sheet: `96,5 %`, `28 250`, `0.5`; `%` tells a rate. */
export function parseSheetNumber(raw: string): { value: string; percent: boolean } | undefined {
    const compact = raw.replace(/[\s\u00A0\u202F\u2009]/g, '');
    const percent = compact.endsWith('%');
    const body = (percent ? compact.slice(0, -1) : compact).replace(',', '.');
    if (!/^-?\d+(?:\.\d+)?$/.test(body)) return undefined;
    return { value: body.replace('.', ','), percent };
}

function headerOf(rows: readonly SheetRow[], shown: string): { header: SheetRow; columns: Map<Field, number> } {
    const header = rows.find(r => r.cells.some(c => c.trim() !== ''));
    if (!header) throw new UsageError({ fr: `« ${shown} » est vide : aucune ligne d'en-tête`, en: `'${shown}' is empty: no header row` });
    const columns = new Map<Field, number>();
    header.cells.forEach((cell, index) => {
        const key = columnKey(cell);
        for (const [field, names] of Object.entries(COLUMN_NAMES) as Array<[Field, readonly string[]]>) {
            if (names.includes(key) && !columns.has(field)) columns.set(field, index);
        }
    });
    const keyed = columns.has('indicator') || columns.has('establishment');
    const data = ['value', 'days', 'occupancy', 'activePatients'].some(f => columns.has(f as Field));
    if (!keyed || !data) {
        const found = header.cells.filter(c => c.trim() !== '').map(c => `« ${c.trim()} »`).join(', ');
        throw new UsageError({
            fr: `« ${shown} », ligne ${header.line} : aucune colonne reconnue ${keyed ? 'pour les valeurs' : 'pour nommer l\'indicateur ou l\'établissement'} (colonnes trouvées : ${found || 'aucune'} ; attendues : Indicateur ou Établissement, et Valeur, Journées réalisées, Taux d'occupation ou File active ; voir docs/suivi-import.md)`,
            en: `'${shown}', line ${header.line}: no recognised column ${keyed ? 'for the values' : 'naming the indicator or establishment'} (columns found: ${found || 'none'}; expected: Indicateur or Établissement, and Valeur, Journées réalisées, Taux d'occupation or File active; see docs/suivi-import.md)`,
        });
    }
    return { header, columns };
}

/** A quoted string of the language: only `"` and `\` are escaped; line breaks become spaces. */
function quoted(text: string): string {
    return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, c => `\\${c}`)}"`;
}

function finessKey(text: string): string {
    return text.replace(/[\s\u00A0\u202F]/g, '').toUpperCase();
}

interface Matchers {
    indicator(label: string): ast.Indicateur | undefined;
    establishment(label: string): ast.Etablissement | undefined;
}

function matchers(contract: ast.Contrat): Matchers {
    const indicators = objectivesOf(contract).flatMap(indicatorsOf);
    const establishments = perimeterOf(contract);
    return {
        indicator: label => indicators.find(i => i.name.toLowerCase() === label.trim().toLowerCase())
            ?? indicators.find(i => normaliseTitle(i.title) === normaliseTitle(label)),
        establishment: label => establishments.find(e => e.name.toLowerCase() === label.trim().toLowerCase())
            ?? establishments.find(e => normaliseTitle(e.title) === normaliseTitle(label))
            ?? establishments.find(e => { const f = establishmentFacts(e).finess; return f !== undefined && finessKey(f) === finessKey(label); }),
    };
}

export function sheetToFollowUp(input: ImportInput): ImportResult {
    const { header, columns } = headerOf(input.rows, input.shown);
    const match = matchers(input.contract);
    const cell = (row: SheetRow, field: Field) => {
        const index = columns.get(field);
        return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const number = (row: SheetRow, field: Field) => {
        const raw = cell(row, field);
        if (raw === '') return undefined;
        const parsed = parseSheetNumber(raw);
        if (!parsed) {
            throw new UsageError({
                fr: `« ${input.shown} », ligne ${row.line}, colonne ${FIELD_LABELS[field]} : « ${raw} » n'est pas un nombre (exemples : 96,5 % ; 28 250 ; 12,8) ; aucun fichier écrit`,
                en: `'${input.shown}', line ${row.line}, column ${FIELD_LABELS[field]}: '${raw}' is not a number (examples: 96,5 %; 28 250; 12,8); nothing written`,
            });
        }
        return parsed;
    };
    const lines: string[] = [];
    const activities = new Map<ast.Etablissement, string[]>();
    const seen = new Set<ast.Indicateur>();
    const unmatched: Array<{ line: number; label: string }> = [];
    const notes: string[] = [];
    for (const row of input.rows.filter(r => r.line > header.line && r.cells.some(c => c.trim() !== ''))) {
        const indicatorLabel = cell(row, 'indicator');
        if (indicatorLabel !== '') {
            const indicator = match.indicator(indicatorLabel);
            const value = number(row, 'value');
            if (!indicator) {
                unmatched.push({ line: row.line, label: indicatorLabel });
            } else if (!value) {
                notes.push(`ligne ${row.line} : pas de valeur pour l'indicateur « ${indicatorLabel} »`);
            } else if (seen.has(indicator)) {
                notes.push(`ligne ${row.line} : deuxième valeur pour l'indicateur « ${indicatorLabel} », ignorée`);
            } else {
                seen.add(indicator);
                const percent = value.percent || inheritedIndicatorProp(indicator, ast.isUnite)?.value === '%';
                const source = cell(row, 'source');
                const comment = cell(row, 'comment');
                lines.push(`    indicateur ${indicator.name}: ${value.value}${percent ? ' %' : ''}${source ? ` source ${quoted(source)}` : ''}${comment ? ` commentaire ${quoted(comment)}` : ''}`);
            }
            continue;
        }
        const establishmentLabel = cell(row, 'establishment');
        const establishment = establishmentLabel ? match.establishment(establishmentLabel) : undefined;
        const props = [
            ['journees_realisees', number(row, 'days'), false], ['taux_occupation', number(row, 'occupancy'), true],
            ['file_active', number(row, 'activePatients'), false], ['seuil', number(row, 'threshold'), true],
        ] as const;
        if (!establishment) {
            unmatched.push({ line: row.line, label: establishmentLabel || row.cells.filter(c => c.trim()).join(' ; ') });
            continue;
        }
        const body = activities.get(establishment) ?? [];
        for (const [keyword, value, rate] of props) {
            if (value) body.push(`        ${keyword} ${value.value}${rate ? ' %' : ''}`);
        }
        const comment = cell(row, 'comment');
        if (comment) body.push(`        commentaire ${quoted(comment)}`);
        activities.set(establishment, body);
    }
    const text = [
        `// Suivi annuel ${input.year}, importé par cpom suivi importer.`,
        `importe ${quoted(input.importPath)}`,
        '',
        `suivi_annuel du contrat ${input.contract.name} annee ${input.year} {`,
        ...lines,
        ...[...activities].flatMap(([e, body], i) => [...(i > 0 || lines.length > 0 ? [''] : []), `    activite ${e.name} {`, ...body, '    }']),
        '}',
        '',
    ].join('\n');
    return { text, unmatched, notes, indicators: lines.length, activities: activities.size };
}
