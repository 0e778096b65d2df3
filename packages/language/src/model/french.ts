/** Keywords exist with and without accents (`état` and `etat`); the model compares their plain form. */
export function plain(keyword: string | undefined): string {
    return (keyword ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
