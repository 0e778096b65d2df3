/**
 * The perimeter of a contract: its establishments (declared in `perimetre` or included from a catalogue) with
 * their FINESS, category, département, capacities and tarification authorities. One view per establishment and
 * per contract, per document version (model-cache.ts).
 */
import type { AstNode, Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { type EsmsCategory, findCategory, findCategoryByCode } from './categories.js';
import { clausesOf, firstProp, propsOf } from './clauses.js';
import { findDepartment } from './departments.js';
import { normaliseFiness } from './finess.js';
import { plain } from './french.js';
import { cachedView } from './model-cache.js';
import { parseNumber } from './numbers.js';

export interface CapacityView {
    readonly node: ast.Capacite;
    /** The modality without accents (`hebergement_permanent`), when written. */
    readonly modality: string | undefined;
    /** Numbers as typed, when they are numbers. */
    readonly authorised: number | undefined;
    readonly funded: number | undefined;
    readonly unit: string | undefined;
}

export interface EstablishmentFacts {
    readonly finess?: string;
    readonly category?: EsmsCategory;
    readonly department?: string;
    readonly tarification: ast.Autorite[];
    readonly capacities: ast.Capacite[];
    /** Total authorised places over all modalities. */
    readonly authorisedPlaces: number;
}

export interface EstablishmentView extends EstablishmentFacts {
    readonly node: ast.Etablissement;
    readonly title: string | undefined;
    /** The catalogue it is declared in, when it is a catalogue entry. */
    readonly catalogue: ast.Catalogue | undefined;
    /** The category clause as written (code or key). */
    readonly categoryClause: ast.Categorie | undefined;
    readonly capacityViews: readonly CapacityView[];
    /** The tarification authorities as written, resolved or not (the export keeps an unresolved name as typed). */
    readonly tarificationReferences: readonly Reference<ast.Autorite>[];
    readonly habilitation: ast.HabilitationAideSociale | undefined;
    readonly address: string | undefined;
    /** Persons accompanied (file active), distinct from places: the count and the year it was measured, as written. */
    readonly activeFile: ActiveFileView | undefined;
    /** The publics accompanied and the activities, as written (texts, in order). */
    readonly publics: readonly string[];
    readonly activities: readonly string[];
}

export interface ActiveFileView {
    readonly node: ast.FileActiveEtablissement;
    readonly year: number | undefined;
    readonly count: number | undefined;
}

/** The establishment's facts, read once per document version. */
export function establishmentView(e: ast.Etablissement): EstablishmentView {
    // Its clauses and the authorities its tarification names: kept while they are (model-cache.ts).
    return cachedView('establishment', e, computeEstablishment, true);
}

export function establishmentFacts(e: ast.Etablissement): EstablishmentFacts {
    return establishmentView(e);
}

/** Establishments of the perimeter: declared in `perimetre` or included from a catalogue. */
export function perimeterOf(contract: ast.Contrat): ast.Etablissement[] {
    return [...cachedView('perimeter', contract, computePerimeter)];
}

/** The perimeter's establishments with their facts. */
export function perimeterViews(contract: ast.Contrat): EstablishmentView[] {
    return perimeterOf(contract).map(establishmentView);
}

/** A département code in its INSEE form (`9` → `09`, `2a` → `2A`), or as typed (upper case) when unknown. */
export function normalisedDepartment(code: string | undefined): string | undefined {
    return code === undefined || code === '' ? undefined : findDepartment(code)?.code ?? code.toUpperCase();
}

function computePerimeter(contract: ast.Contrat): readonly ast.Etablissement[] {
    const result: ast.Etablissement[] = [];
    for (const perimeter of clausesOf(contract, ast.isPerimetre)) {
        for (const item of perimeter.items ?? []) {
            if (ast.isEtablissement(item)) {
                result.push(item);
            } else {
                for (const ref of item.establishments ?? []) {
                    if (ref?.ref) {
                        result.push(ref.ref);
                    }
                }
            }
        }
    }
    return result;
}

function computeEstablishment(e: ast.Etablissement): EstablishmentView {
    const finessText = firstProp(e, ast.isFiness)?.value;
    const categoryClause = firstProp(e, ast.isCategorie);
    const category = categoryClause?.category !== undefined
        ? findCategory(categoryClause.category)
        : categoryClause?.code !== undefined ? findCategoryByCode(Number(parseNumber(categoryClause.code))) : undefined;
    const capacities = propsOf(e, ast.isCapacite);
    return {
        node: e,
        title: e.title,
        catalogue: catalogueOf(e),
        finess: finessText !== undefined ? normaliseFiness(finessText).value : undefined,
        category,
        categoryClause,
        department: normalisedDepartment(firstProp(e, ast.isDepartementEtab)?.code),
        tarification: propsOf(e, ast.isTarification).flatMap(t => (t.authorities ?? []).map(a => a?.ref).filter((a): a is ast.Autorite => a !== undefined)),
        capacities,
        capacityViews: capacities.map(capacityView),
        authorisedPlaces: capacities.reduce((sum, c) => sum + (parseNumber(c.authorised) ?? 0), 0),
        tarificationReferences: propsOf(e, ast.isTarification).flatMap(t => t.authorities ?? []),
        habilitation: firstProp(e, ast.isHabilitationAideSociale),
        address: firstProp(e, ast.isAdresse)?.value,
        activeFile: activeFileView(firstProp(e, ast.isFileActiveEtablissement)),
        publics: propsOf(e, ast.isPublicAccompagne).flatMap(p => (p.publics ?? []).filter(isText)),
        activities: propsOf(e, ast.isActivitesEtablissement).flatMap(p => (p.activities ?? []).filter(isText)),
    };
}

function activeFileView(node: ast.FileActiveEtablissement | undefined): ActiveFileView | undefined {
    return node ? { node, year: finite(parseNumber(node.year)), count: finite(parseNumber(node.count)) } : undefined;
}

function isText(text: string | undefined): text is string {
    return typeof text === 'string' && text.trim() !== '';
}

function capacityView(c: ast.Capacite): CapacityView {
    return {
        node: c,
        modality: c.modality !== undefined ? plain(c.modality) : undefined,
        authorised: finite(parseNumber(c.authorised)),
        funded: finite(parseNumber(c.funded)),
        unit: c.unit,
    };
}

function finite(value: number | undefined): number | undefined {
    return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** The catalogue an entry is declared in, when it is a catalogue entry. */
export function catalogueOf(node: AstNode): ast.Catalogue | undefined {
    return ast.isCatalogue(node.$container) ? node.$container : undefined;
}
