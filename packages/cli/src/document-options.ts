/** The options of the commands that write documents (`generate`, `avenant`, `suivi`): one wording, one default. */
import { Option } from 'commander';
import type { DocumentFormat } from './document-formats.js';

export interface DocumentOptionWords {
    readonly t: (fr: string, en: string) => string;
    readonly parseFormats: (value: string) => DocumentFormat[];
    /** The formats a command accepts, for its help: `html, md, docx, pdf`. */
    readonly formatList: string;
}

/** `-f, --format <formats>` (comma-separated, default html) and `-o, --out <dir>` (default the current folder), new for each command. */
export function documentOutputOptions({ t, parseFormats, formatList }: DocumentOptionWords): [format: Option, out: Option] {
    return [
        new Option('-f, --format <formats>', t(`formats séparés par des virgules parmi ${formatList}`, `comma-separated formats among ${formatList}`))
            .default(['html'] as DocumentFormat[], 'html').argParser(parseFormats),
        new Option('-o, --out <dir>', t('dossier de sortie', 'output folder')).default('.'),
    ];
}
