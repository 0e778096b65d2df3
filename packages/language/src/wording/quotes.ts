/** French quotation marks with no-break spaces inside: `« Titre »`. */
export function quote(text: string): string {
    return `«\u00A0${text}\u00A0»`;
}
