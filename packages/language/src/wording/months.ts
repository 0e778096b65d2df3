/** French month names and days of a month: `1er mai`, `30 juin`. */
export const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;

/** The name of a month (1-12), if it is one. */
export function monthName(month: number): string | undefined {
    return MONTHS_FR[month - 1];
}

/** `1er mai`, `30 juin`: a day of a month, as a yearly deadline reads. */
export function dayOfMonth(day: number, month: number): string {
    return `${day === 1 ? '1er' : day} ${monthName(month) ?? month}`;
}
