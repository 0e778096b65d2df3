/** `de` and `à` before a noun with its article: `du service « … »`, `de l'établissement « … »`, `au comité`. */
export function de(noun: string): string {
    if (noun.startsWith('le ')) return `du ${noun.slice(3)}`;
    if (noun.startsWith('les ')) return `des ${noun.slice(4)}`;
    return `de ${noun}`;
}

export function to(noun: string): string {
    if (noun.startsWith('le ')) return `au ${noun.slice(3)}`;
    if (noun.startsWith('les ')) return `aux ${noun.slice(4)}`;
    return `à ${noun}`;
}
