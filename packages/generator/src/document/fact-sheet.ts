/**
 * The tables the contract and its avenants both print, built here once: the fact sheet of an establishment or a
 * service and the table of the crédits non reconductibles (CNR). The contract fills them from its AST, the avenant
 * drafter from the JSON export of the new version: each maps its source to the plain facts below, the table is
 * the same. Pure: no I/O.
 */
import { capacityCount, capitalised, formatNumber } from '@cpom/language';
import { euros, modalityLabel } from './french.js';
import { MISSING, orMissing } from './missing.js';
import type { Cell, Table } from './model.js';

/** One capacity: numbers as read (a broken text may lack one), the unit and modality keywords as written. */
export interface CapacityFacts {
    readonly modality?: string;
    readonly authorised?: number;
    readonly funded?: number;
    readonly unit?: string;
}

/** What the fact sheet of an establishment shows, by labels (never an identifier of the source). */
export interface EstablishmentSheetFacts {
    readonly title?: string;
    readonly finess?: string;
    /** `Établissement et service d'aide par le travail (ESAT)` and its FINESS codes. */
    readonly category?: { readonly label: string; readonly codes: readonly (string | number)[] };
    readonly department?: string;
    readonly capacities: readonly CapacityFacts[];
    /** The tarification authorities by name. */
    readonly tarification: readonly string[];
    readonly habilitation?: { readonly scope?: string; readonly places?: number };
    readonly address?: string;
    /** Persons accompanied (file active), distinct from places, and the year of the count. */
    readonly activeFile?: { readonly count: number; readonly year?: number };
    readonly publics?: readonly string[];
    readonly activities?: readonly string[];
}

function count(value: number | undefined): string {
    return value === undefined || !Number.isFinite(value) ? MISSING.number : formatNumber(value);
}

/** `70 places autorisées, dont 68 financées`; `84 lits autorisés et financés`. */
export function capacityCell(capacity: CapacityFacts): string {
    const unit = capacity.unit ?? 'places';
    const e = unit === 'lits' ? '' : 'e';
    const authorised = capacity.authorised === undefined ? `${MISSING.number} ${unit}` : capacityCount(capacity.authorised, unit);
    const plural = capacity.authorised !== undefined && capacity.authorised >= 2 ? 's' : '';
    if (capacity.funded === undefined) return `${authorised} autorisé${e}${plural}`;
    if (capacity.funded === capacity.authorised) return `${authorised} autorisé${e}${plural} et financé${e}${plural}`;
    return `${authorised} autorisé${e}${plural}, dont ${count(capacity.funded)} financé${e}${capacity.funded >= 2 ? 's' : ''}`;
}

/** The habilitation à l'aide sociale: `Totale`, `Aucune`, `30 places`. */
function habilitationCell(habilitation: NonNullable<EstablishmentSheetFacts['habilitation']>): string {
    if (habilitation.scope) return capitalised(habilitation.scope);
    return habilitation.places === undefined ? MISSING.number : capacityCount(habilitation.places, 'places');
}

/** `180 personnes en 2023`: persons, never places. */
function activeFileCell(activeFile: NonNullable<EstablishmentSheetFacts['activeFile']>): string {
    const persons = `${count(activeFile.count)} personne${activeFile.count >= 2 ? 's' : ''}`;
    return activeFile.year === undefined ? persons : `${persons} en ${activeFile.year}`;
}

/** The fact sheet of an establishment or a service: one row per known fact. */
export function establishmentSheet(facts: EstablishmentSheetFacts): Table {
    const rows: Cell[][] = [['FINESS établissement', facts.finess ?? '']];
    if (facts.category) rows.push(['Catégorie', `${facts.category.label} (${facts.category.codes.join('/')})`]);
    if (facts.department) rows.push(['Département', facts.department]);
    for (const c of facts.capacities) {
        rows.push([`Capacité — ${modalityLabel(c.modality ?? 'places_de_service')}`, capacityCell(c)]);
    }
    if (facts.activeFile) rows.push(['Personnes accompagnées (file active)', activeFileCell(facts.activeFile)]);
    if (facts.publics && facts.publics.length > 0) rows.push(['Public accompagné', facts.publics.join(' ; ')]);
    if (facts.activities && facts.activities.length > 0) rows.push(['Activités', facts.activities.join(' ; ')]);
    rows.push([facts.tarification.length > 1 ? 'Autorités de tarification' : 'Autorité de tarification', nameList(facts.tarification)]);
    if (facts.habilitation) rows.push(['Habilitation à l\'aide sociale', habilitationCell(facts.habilitation)]);
    if (facts.address) rows.push(['Adresse', facts.address]);
    return { kind: 'table', caption: orMissing(facts.title, MISSING.title), columns: [{ label: 'Rubrique' }, { label: 'Valeur' }], rows };
}

/**
 * Names in a sentence or a cell: separated by commas, or by semicolons when a name has a comma of its own
 * (`IME Les Goélands, Rezé ; SESSAD Les Goélands, Rezé`), so that a reader counts them right.
 */
export function nameList(names: readonly string[]): string {
    return names.join(names.some(n => n.includes(',')) ? ' ; ' : ', ');
}

/** The footer of the yearly funding table: tariff lines (amounts per day) have no yearly total and are left out. */
export function yearlyTotalLabel(tariffLines: boolean): string {
    return tariffLines ? 'Total (hors tarifs journaliers)' : 'Total';
}

/** One crédit non reconductible, by labels. */
export interface CnrFacts {
    readonly title?: string;
    readonly year?: string | number;
    readonly establishment?: string;
    readonly payer?: string;
    /** The amount as the document words it (`120 000 €`, or the placeholder of a missing amount). */
    readonly amount: string;
}

/** The table of the crédits non reconductibles, with the total (a daily amount is no credit: left out of it). */
export function cnrTable(credits: readonly CnrFacts[], totalCents: number): Table {
    return {
        kind: 'table', caption: 'Crédits non reconductibles',
        columns: [{ label: 'Objet' }, { label: 'Année', align: 'center' }, { label: 'Établissement' }, { label: 'Financeur' }, { label: 'Montant', align: 'right' }],
        rows: credits.map(c => [
            orMissing(c.title, MISSING.title), c.year === undefined ? MISSING.year : String(c.year), c.establishment ?? '', c.payer ?? '', c.amount,
        ]),
        footer: [[{ text: 'Total', strong: true }, '', '', '', { text: euros(totalCents), strong: true }]],
    };
}
