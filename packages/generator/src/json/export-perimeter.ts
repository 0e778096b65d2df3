/** The JSON of the perimeter's establishments (docs/json-export.md), read from the model's establishment views. */
import type { EsmsCategory, EstablishmentView, ast } from '@cpom/language';
import type { ActiveFileJson, CapacityJson, CategoryJson, EstablishmentJson, HabilitationJson } from './cpom-json.js';
import { defined, idOf, readNumber, refIds } from './model.js';

export function establishmentJson(e: EstablishmentView): EstablishmentJson {
    return defined<EstablishmentJson>({
        id: idOf(e.node),
        nomEgeLong: e.title!,
        numFinessEge: e.finess,
        categorieEntiteGeographique: categoryJson(e.categoryClause, e.category),
        department: e.department,
        capacities: e.capacityViews.map(c => defined<CapacityJson>({
            modality: c.modality as CapacityJson['modality'],
            authorised: c.authorised as number,
            funded: c.funded,
            unit: c.unit as CapacityJson['unit'],
        })),
        tarificationAuthorities: refIds(e.tarificationReferences),
        habilitationAideSociale: habilitationJson(e.habilitation),
        address: e.address,
        catalogue: e.catalogue?.name,
        activeFile: e.activeFile?.count !== undefined ? defined<ActiveFileJson>({ count: e.activeFile.count, year: e.activeFile.year }) : undefined,
        publics: e.publics.length > 0 ? [...e.publics] : undefined,
        activities: e.activities.length > 0 ? [...e.activities] : undefined,
    });
}

/** The FINESS category: the code as written (or the category's code), the cpom key and label when known. */
function categoryJson(prop: ast.Categorie | undefined, category: EsmsCategory | undefined): CategoryJson | undefined {
    const code = readNumber(prop?.code) ?? category?.finessCodes[0];
    if (code === undefined) return undefined;
    return defined<CategoryJson>({ code, key: category?.key, label: category?.label });
}

function habilitationJson(h: ast.HabilitationAideSociale | undefined): HabilitationJson | undefined {
    if (!h) return undefined;
    if (h.scope !== undefined) return { scope: h.scope };
    const places = readNumber(h.places);
    return places !== undefined ? { places } : undefined;
}
