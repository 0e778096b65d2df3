/** Capitals in French labels. */
/** `Association`: a label at the start of a sentence or a table cell. */
export function capitalised(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
