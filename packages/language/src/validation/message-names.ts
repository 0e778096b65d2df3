import { findDepartment } from '../model/departments.js';

/**
 * How a diagnostic names what the source declares: by its label, which the reader knows from the contract's text,
 * followed by its identifier, which finds it in the source — `« ESAT MESSIDOR Lyon » (ESAT_LYON)`. A declaration
 * without a label (or whose label is its identifier) is named `« ESAT_LYON »`.
 */
export function labelled(node: { readonly name?: string; readonly title?: string }): string {
    const name = node.name ?? '';
    const title = node.title?.trim();
    return title && title !== name ? `« ${title} » (${name})` : `« ${name} »`;
}

/** An indicator by its title, its own or the one it inherits through `selon`. */
export function labelledIndicator(indicator: { readonly name?: string; readonly title?: string; readonly base?: { readonly ref?: { readonly title?: string } } }): string {
    return labelled({ name: indicator.name, title: indicator.title ?? indicator.base?.ref?.title });
}

/** An ESMS category by its label and the key written after `categorie`: `« Foyer d'accueil médicalisé » (FAM)`. */
export function labelledCategory(category: { readonly key: string; readonly label: string }): string {
    return labelled({ name: category.key, title: category.label });
}

/** A département by its code and name, `01 (Ain)`; a code the registry does not know stays as written. */
export function namedDepartment(code: string): string {
    const department = findDepartment(code);
    return department ? `${department.code} (${department.name})` : code;
}
