/**
 * From a sheet of values (rows of cells, as read from an XLSX or CSV by `suivi-import.ts`) to the text of a
 * follow-up file (`suivi_annuel du contrat X annee N { … }`). Columns are recognised by their French names
 * (docs/suivi-import.md gives the mapping), rows matched to the contract's indicators and establishments by
 * identifier, title or FINESS. No I/O. Bad input (no recognised column, a value that is not a number) is a
 * UsageError naming the line and the column; a row that matches nothing is returned with its line.
 */
import {
    addedBy, ast, contractFundings, type CnrLine, establishmentFacts, type FundingLine, indicatorsOf, inheritedIndicatorProp, normaliseTitle,
    objectivesOf, perimeterOf,
} from '@cpom/language';
import { UsageError } from './errors.js';

export interface SheetRow {
    /** The line of the row in the file (1 for the first), as a spreadsheet or an editor shows it. */
    readonly line: number;
    readonly cells: readonly string[];
}

type Field =
    | 'indicator' | 'establishment' | 'value' | 'source' | 'comment' | 'days' | 'occupancy' | 'activePatients' | 'threshold'
    | 'cnr' | 'cnrSpent' | 'funding' | 'received';

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
    cnr: ['cnr', 'credit non reconductible', 'credits non reconductibles', 'intitule cnr', 'intitule du cnr', 'objet cnr', 'objet du cnr'],
    cnrSpent: ['cnr depenses', 'depense', 'depenses', 'montant depense', 'depense cnr', 'montant des cnr depenses'],
    funding: ['financement', 'ligne de financement', 'dotation', 'forfait'],
    received: ['recu', 'montant recu', 'percu', 'montant percu', 'encaisse', 'montant encaisse'],
};

export const FIELD_LABELS: Record<Field, string> = {
    indicator: 'Indicateur', establishment: 'Établissement', value: 'Valeur', source: 'Source', comment: 'Commentaire',
    days: 'Journées réalisées', occupancy: 'Taux d\'occupation', activePatients: 'File active', threshold: 'Seuil',
    cnr: 'CNR', cnrSpent: 'CNR dépensés', funding: 'Financement', received: 'Montant reçu',
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
    /** CNR spent and amounts received written. */
    readonly amounts: number;
}

export interface ImportInput {
    readonly rows: readonly SheetRow[];
    /** The sheet as the user named it, for messages. */
    readonly shown: string;
    readonly contract: ast.Contrat;
    /** The contract's avenants (their funding lines and CNR can be named too). */
    readonly avenants?: readonly ast.Avenant[];
    readonly year: number;
    /** The import path of the contract from the follow-up file. */
    readonly importPath: string;
}

/** An amount as typed in a French sheet: `1 950 000 €`, `17 500,5`, `2612800`; written back as the language writes it (`1 950 000 €`). */
export function parseSheetAmount(raw: string): string | undefined {
    const compact = raw.replace(/[\s\u00A0\u202F\u2009]/g, '').replace(/(?:€|eur|euros?)$/i, '').replace(',', '.');
    const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(compact);
    if (!match) return undefined;
    const euros = groupThousands(match[1].replace(/^0+(?=\d)/, ''));
    const cents = match[2]?.padEnd(2, '0');
    return `${euros}${cents && cents !== '00' ? `,${cents}` : ''} €`;
}

/** `1250000` → `1 250 000`, as the language writes amounts. */
function groupThousands(digits: string): string {
    const groups: string[] = [];
    for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
    return groups.join(' ');
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
    const keyed = (['indicator', 'establishment', 'cnr', 'funding'] as const).some(f => columns.has(f));
    const data = (['value', 'days', 'occupancy', 'activePatients', 'cnrSpent', 'received'] as const).some(f => columns.has(f));
    if (!keyed || !data) {
        const found = header.cells.filter(c => c.trim() !== '').map(c => `« ${c.trim()} »`).join(', ');
        throw new UsageError({
            fr: `« ${shown} », ligne ${header.line} : aucune colonne reconnue ${keyed ? 'pour les valeurs' : 'pour nommer l\'indicateur ou l\'établissement'} (colonnes trouvées : ${found || 'aucune'} ; attendues : Indicateur, Établissement, CNR ou Financement, et Valeur, Journées réalisées, Taux d'occupation, File active, CNR dépensés ou Montant reçu ; voir docs/suivi-import.md)`,
            en: `'${shown}', line ${header.line}: no recognised column ${keyed ? 'for the values' : 'naming the indicator or establishment'} (columns found: ${found || 'none'}; expected: Indicateur, Établissement, CNR or Financement, and Valeur, Journées réalisées, Taux d'occupation, File active, CNR dépensés or Montant reçu; see docs/suivi-import.md)`,
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
    cnr(label: string): CnrLine | undefined;
    funding(label: string): FundingLine | undefined;
}

function matchers(contract: ast.Contrat, avenants: readonly ast.Avenant[]): Matchers {
    const indicators = objectivesOf(contract).flatMap(indicatorsOf);
    const establishments = [...perimeterOf(contract), ...avenants.flatMap(addedBy)];
    const fundings = [contract, ...avenants].map(contractFundings);
    const cnr = fundings.flatMap(f => f.cnr);
    const lines = fundings.flatMap(f => f.lines).filter(l => l.name !== undefined);
    return {
        cnr: label => cnr.find(c => normaliseTitle(c.title) === normaliseTitle(label)),
        funding: label => lines.find(l => l.name!.toLowerCase() === label.trim().toLowerCase())
            ?? lines.find(l => normaliseTitle(l.title) === normaliseTitle(label)),
        indicator: label => indicators.find(i => i.name.toLowerCase() === label.trim().toLowerCase())
            ?? indicators.find(i => normaliseTitle(i.title) === normaliseTitle(label)),
        establishment: label => establishments.find(e => e.name.toLowerCase() === label.trim().toLowerCase())
            ?? establishments.find(e => normaliseTitle(e.title) === normaliseTitle(label))
            ?? establishments.find(e => { const f = establishmentFacts(e).finess; return f !== undefined && finessKey(f) === finessKey(label); }),
    };
}

type Cell = (row: SheetRow, field: Field) => string;

/** The parts of the follow-up being written, and what is reported about the rows. */
interface Draft {
    readonly values: string[];
    readonly activities: Map<ast.Etablissement, string[]>;
    readonly amounts: string[];
    readonly seen: Set<ast.Indicateur>;
    readonly unmatched: Array<{ line: number; label: string }>;
    readonly notes: string[];
}

/** A value that is not a number (or an amount) stops the import with its place. */
function notANumber(input: ImportInput, row: SheetRow, field: Field, raw: string, examples: string): UsageError {
    return new UsageError({
        fr: `« ${input.shown} », ligne ${row.line}, colonne ${FIELD_LABELS[field]} : « ${raw} » n'est pas un nombre (exemples : ${examples}) ; aucun fichier écrit`,
        en: `'${input.shown}', line ${row.line}, column ${FIELD_LABELS[field]}: '${raw}' is not a number (examples: ${examples}); nothing written`,
    });
}

export function sheetToFollowUp(input: ImportInput): ImportResult {
    const { header, columns } = headerOf(input.rows, input.shown);
    const match = matchers(input.contract, input.avenants ?? []);
    const cell: Cell = (row, field) => {
        const index = columns.get(field);
        return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const number = (row: SheetRow, field: Field) => {
        const raw = cell(row, field);
        if (raw === '') return undefined;
        const parsed = parseSheetNumber(raw);
        if (!parsed) throw notANumber(input, row, field, raw, '96,5 % ; 28 250 ; 12,8');
        return parsed;
    };
    const amount = (row: SheetRow, field: Field) => {
        const raw = cell(row, field);
        if (raw === '') return undefined;
        const parsed = parseSheetAmount(raw);
        if (!parsed) throw notANumber(input, row, field, raw, '1 950 000 € ; 17 500,50');
        return parsed;
    };
    const draft: Draft = { values: [], activities: new Map(), amounts: [], seen: new Set(), unmatched: [], notes: [] };
    for (const row of input.rows.filter(r => r.line > header.line && r.cells.some(c => c.trim() !== ''))) {
        const indicatorLabel = cell(row, 'indicator');
        const cnrLabel = cell(row, 'cnr');
        const fundingLabel = cell(row, 'funding');
        if (indicatorLabel !== '') {
            indicatorRow(row, indicatorLabel, match.indicator(indicatorLabel), number(row, 'value'), cell, draft);
        } else if (cnrLabel !== '') {
            const cnr = match.cnr(cnrLabel);
            amountRow(row, cnrLabel, cnr && `    cnr ${quoted(cnr.title ?? cnrLabel)} depense`, amount(row, 'cnrSpent'), 'de CNR dépensés', draft);
        } else if (fundingLabel !== '') {
            const line = match.funding(fundingLabel);
            amountRow(row, fundingLabel, line && `    recu ${line.name}:`, amount(row, 'received'), 'de montant reçu', draft);
        } else {
            activityRow(row, match, number, cell, draft);
        }
    }
    const { values, activities, amounts, unmatched, notes } = draft;
    const text = [
        `// Suivi annuel ${input.year}, importé par cpom suivi importer.`,
        `importe ${quoted(input.importPath)}`,
        '',
        `suivi_annuel du contrat ${input.contract.name} annee ${input.year} {`,
        ...values,
        ...[...activities].flatMap(([e, body], i) => [...(i > 0 || values.length > 0 ? [''] : []), `    activite ${e.name} {`, ...body, '    }']),
        ...(amounts.length > 0 && (values.length > 0 || activities.size > 0) ? [''] : []),
        ...amounts,
        '}',
        '',
    ].join('\n');
    return { text, unmatched, notes, indicators: values.length, activities: activities.size, amounts: amounts.length };
}

function indicatorRow(row: SheetRow, label: string, indicator: ast.Indicateur | undefined, value: ReturnType<typeof parseSheetNumber>, cell: Cell, draft: Draft): void {
    if (!indicator) {
        draft.unmatched.push({ line: row.line, label });
    } else if (!value) {
        draft.notes.push(`ligne ${row.line} : pas de valeur pour l'indicateur « ${label} »`);
    } else if (draft.seen.has(indicator)) {
        draft.notes.push(`ligne ${row.line} : deuxième valeur pour l'indicateur « ${label} », ignorée`);
    } else {
        draft.seen.add(indicator);
        const percent = value.percent || inheritedIndicatorProp(indicator, ast.isUnite)?.value === '%';
        const source = cell(row, 'source');
        const comment = cell(row, 'comment');
        draft.values.push(`    indicateur ${indicator.name}: ${value.value}${percent ? ' %' : ''}${source ? ` source ${quoted(source)}` : ''}${comment ? ` commentaire ${quoted(comment)}` : ''}`);
    }
}

/** A CNR spent or an amount received: `start` is the line up to the amount, undefined when the label matches nothing. */
function amountRow(row: SheetRow, label: string, start: string | undefined, amount: string | undefined, what: string, draft: Draft): void {
    if (start === undefined) draft.unmatched.push({ line: row.line, label });
    else if (amount === undefined) draft.notes.push(`ligne ${row.line} : pas ${what} pour « ${label} »`);
    else draft.amounts.push(`${start} ${amount}`);
}

function activityRow(row: SheetRow, match: Matchers, number: (row: SheetRow, field: Field) => ReturnType<typeof parseSheetNumber>, cell: Cell, draft: Draft): void {
    const label = cell(row, 'establishment');
    const establishment = label ? match.establishment(label) : undefined;
    const props = [
        ['journees_realisees', number(row, 'days'), false], ['taux_occupation', number(row, 'occupancy'), true],
        ['file_active', number(row, 'activePatients'), false], ['seuil', number(row, 'threshold'), true],
    ] as const;
    if (!establishment) {
        draft.unmatched.push({ line: row.line, label: label || row.cells.filter(c => c.trim()).join(' ; ') });
        return;
    }
    const body = draft.activities.get(establishment) ?? [];
    for (const [keyword, value, rate] of props) {
        if (value) body.push(`        ${keyword} ${value.value}${rate ? ' %' : ''}`);
    }
    const comment = cell(row, 'comment');
    if (comment) body.push(`        commentaire ${quoted(comment)}`);
    draft.activities.set(establishment, body);
}
