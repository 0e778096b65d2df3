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
