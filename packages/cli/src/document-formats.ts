/** The output formats of `generate` and `avenant`, parsed from `--format html,md,docx`. Light: no document library. */
import { InvalidArgumentError } from 'commander';

export const DOCUMENT_FORMATS = ['html', 'md', 'docx', 'pdf', 'json'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Commander parser of `--format`: unknown formats are a usage error (exit 2), worded in `locale`. */
export function formatsParser(locale: 'fr' | 'en'): (value: string) => DocumentFormat[] {
    return value => {
        const formats = value.split(',').map(f => f.trim().toLowerCase()).filter(f => f.length > 0);
        const unknown = formats.filter(f => !(DOCUMENT_FORMATS as readonly string[]).includes(f));
        if (formats.length === 0 || unknown.length > 0) {
            const s = unknown.length > 1 ? 's' : '';
            throw new InvalidArgumentError(locale === 'fr'
                ? `format${s} inconnu${s} « ${unknown.join(', ')} » (formats possibles : ${DOCUMENT_FORMATS.join(', ')})`
                : `unknown format${s} '${unknown.join(', ')}' (expected ${DOCUMENT_FORMATS.join(', ')})`);
        }
        return [...new Set(formats)] as DocumentFormat[];
    };
}
