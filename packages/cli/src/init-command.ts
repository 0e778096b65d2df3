/**
 * `cpom init [file]`: writes a contract skeleton (@cpom/generator's skeleton/contract-skeleton.ts) and a `cpom.config.json` next to it.
 *
 * Values come from the options; those missing are asked on the terminal (in French) when the standard input is one,
 * else the command stops with a usage error naming them (scripts and pipelines never wait for an answer). Every
 * value is checked before anything is written (init-values.ts). An existing file is never replaced without
 * `--force`; files are written atomically (output.ts). The places left to complete are reported as infos.
 *
 * Loaded on demand: `cpom check` does not pay for it.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { type CalendarDate, type EsmsCategory, ESMS_CATEGORIES, type LegalFrameKey, type Locale, toIsoDate } from '@cpom/language';
import type { CommandIO } from './check.js';
import { reportFailure, UsageError, type Bilingual } from './errors.js';
import {
    contractEnd, defaultContractName, type EstablishmentValue, FRAMES, frameCategory, parseCapacity, parseCategory,
    parseContractName, parseDate, parseEstablishment, parseFiness, parseFrame, parseGestionnaireName,
} from './init-values.js';
import { configSkeleton, contractSkeleton, placesToComplete, type SkeletonEstablishment } from '@cpom/generator';
import { writeFileAtomic } from './output.js';
import type { Prompter } from './prompt.js';
import { visibleText } from './terminal-text.js';

export interface InitOptions {
    readonly cadre?: string;
    readonly effet?: string;
    readonly fin?: string;
    readonly gestionnaire?: string;
    readonly finessGestionnaire?: string;
    readonly etablissement?: readonly string[];
    readonly nom?: string;
    readonly out?: string;
    readonly force?: boolean;
}

const WHAT = {
    effet: { fr: 'date d\'effet', en: 'effect date' },
    fin: { fr: 'date de fin', en: 'end date' },
    finessGestionnaire: { fr: 'FINESS du gestionnaire', en: 'FINESS of the gestionnaire' },
} as const;

/** Asks until the answer parses; a bad answer is said and the question asked again. */
async function askUntilValid<T>(prompter: Prompter, question: string, parse: (answer: string) => T, io: CommandIO, locale: Locale): Promise<T> {
    for (;;) {
        const answer = await prompter.ask(question);
        try {
            return parse(answer);
        } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            io.stderr(`cpom: ${error.in(locale)}\n`);
        }
    }
}

interface Values {
    frame: LegalFrameKey;
    effet: CalendarDate;
    fin: CalendarDate;
    gestionnaire: string;
    gestionnaireFiness: string;
    establishments: SkeletonEstablishment[];
    name: string;
}

/** The values from the options, the missing ones asked with `prompter` (none: a usage error naming them). */
async function gatherValues(options: InitOptions, prompter: Prompter | undefined, io: CommandIO, locale: Locale): Promise<Values> {
    const t = (fr: string, en: string) => (locale === 'fr' ? fr : en);
    // Given values are checked first: a typo is reported before any question.
    let frame = options.cadre !== undefined ? parseFrame(options.cadre) : undefined;
    let effet = options.effet !== undefined ? parseDate(options.effet, WHAT.effet) : undefined;
    const fin = options.fin !== undefined ? parseDate(options.fin, WHAT.fin) : undefined;
    let gestionnaire = options.gestionnaire !== undefined ? parseGestionnaireName(options.gestionnaire) : undefined;
    let gestionnaireFiness = options.finessGestionnaire !== undefined ? parseFiness(options.finessGestionnaire, WHAT.finessGestionnaire) : undefined;
    const given: EstablishmentValue[] = (options.etablissement ?? []).map(parseEstablishment);
    const name = options.nom !== undefined ? parseContractName(options.nom) : undefined;
    if (effet && fin) contractEnd(effet, fin);

    if (!prompter) {
        const missing = [
            frame ? undefined : '--cadre', effet ? undefined : '--effet', gestionnaire ? undefined : '--gestionnaire',
            gestionnaireFiness ? undefined : '--finess-gestionnaire', given.length > 0 ? undefined : '--etablissement',
        ].filter((o): o is string => o !== undefined);
        if (missing.length > 0) {
            throw new UsageError({
                fr: `valeurs manquantes : ${missing.join(', ')} (l'entrée standard n'est pas un terminal : rien ne peut être demandé ; cpom init --help)`,
                en: `missing values: ${missing.join(', ')} (the standard input is not a terminal: nothing can be asked; cpom init --help)`,
            });
        }
    }
    if (prompter) {
        frame ??= await askUntilValid(prompter, t(`Cadre juridique (${FRAMES.join(', ')}) : `, `Legal frame (${FRAMES.join(', ')}): `), parseFrame, io, locale);
        effet ??= await askUntilValid(prompter, t('Date d\'effet (AAAA-MM-JJ) : ', 'Effect date (YYYY-MM-DD): '), a => parseDate(a, WHAT.effet), io, locale);
    }
    let end: CalendarDate;
    if (fin || !prompter) {
        end = contractEnd(effet!, fin);
    } else {
        const longest = contractEnd(effet!, undefined);
        end = await askUntilValid(prompter, t(`Date de fin (AAAA-MM-JJ ; Entrée : ${toIsoDate(longest)}) : `, `End date (YYYY-MM-DD; Enter: ${toIsoDate(longest)}): `),
            a => (a.trim() ? contractEnd(effet!, parseDate(a, WHAT.fin)) : longest), io, locale);
    }
    if (prompter) {
        gestionnaire ??= await askUntilValid(prompter, t('Nom du gestionnaire : ', 'Name of the gestionnaire: '), parseGestionnaireName, io, locale);
        gestionnaireFiness ??= await askUntilValid(prompter, t('FINESS juridique du gestionnaire : ', 'Legal FINESS number of the gestionnaire: '), a => parseFiness(a, WHAT.finessGestionnaire), io, locale);
        if (given.length === 0) {
            for (;;) {
                const first = given.length === 0;
                const value = await askUntilValid(prompter,
                    first ? t('FINESS d\'un établissement ou service : ', 'FINESS number of an establishment or service: ')
                        : t('FINESS d\'un autre établissement (Entrée : fin de la liste) : ', 'FINESS number of another establishment (Enter: end of the list): '),
                    a => (a.trim() || first ? parseEstablishment(a.trim()) : undefined), io, locale);
                if (!value) break;
                const capacity = value.capacity ?? await askUntilValid(prompter, t('Capacité autorisée (places ; Entrée : à compléter plus tard) : ', 'Authorised capacity (places; Enter: to complete later): '),
                    a => (a.trim() ? parseCapacity(a) : undefined), io, locale);
                given.push({ ...value, capacity });
            }
        }
    }
    const establishments: SkeletonEstablishment[] = [];
    const seen = new Set<string>();
    for (const e of given) {
        if (seen.has(e.finess)) {
            throw new UsageError({ fr: `l'établissement ${e.finess} est donné deux fois`, en: `establishment ${e.finess} is given twice` });
        }
        seen.add(e.finess);
        let category: EsmsCategory | undefined = e.category ?? frameCategory(frame!);
        if (!category && prompter) {
            const keys = ESMS_CATEGORIES.map(c => c.key).join(', ');
            category = await askUntilValid(prompter, t(`Catégorie de ${e.finess} (${keys}, ou code FINESS) : `, `Category of ${e.finess} (${keys}, or FINESS code): `), parseCategory, io, locale);
        }
        if (!category) {
            throw new UsageError({
                fr: `catégorie manquante pour l'établissement ${e.finess} : --etablissement ${e.finess}:CATÉGORIE (par exemple ${e.finess}:ESAT)`,
                en: `missing category for establishment ${e.finess}: --etablissement ${e.finess}:CATEGORY (for example ${e.finess}:ESAT)`,
            });
        }
        establishments.push({ finess: e.finess, category, capacity: e.capacity, department: e.department });
    }
    return {
        frame: frame!, effet: effet!, fin: end, gestionnaire: gestionnaire!, gestionnaireFiness: gestionnaireFiness!, establishments,
        name: name ?? defaultContractName(gestionnaire!, effet!.year),
    };
}

function exists(file: string): boolean {
    return existsSync(file);
}

function refuseExisting(file: string, shown: string, force: boolean | undefined): void {
    let isFolder = false;
    try {
        isFolder = statSync(file).isDirectory();
    } catch {
        isFolder = false;
    }
    if (isFolder) {
        throw new UsageError({ fr: `« ${shown} » est un dossier : donnez un nom de fichier`, en: `'${shown}' is a folder: give a file name` });
    }
    if (exists(file) && !force) {
        throw new UsageError({
            fr: `« ${shown} » existe déjà : cpom init ne remplace pas un fichier (--force pour le remplacer)`,
            en: `'${shown}' already exists: cpom init does not replace a file (--force to replace it)`,
        });
    }
}

function shownPath(file: string, cwd: string): string {
    return visibleText(path.relative(cwd, file).split(path.sep).join('/') || file, '');
}

export async function runInit(fileArg: string | undefined, options: InitOptions, io: CommandIO): Promise<number> {
    const locale = io.locale ?? 'fr';
    let prompter: Prompter | undefined;
    try {
        if (fileArg !== undefined && !/\.cpom$/i.test(fileArg)) {
            throw new UsageError({ fr: `« ${fileArg} » : le contrat s'écrit dans un fichier .cpom`, en: `'${fileArg}': the contract is written to a .cpom file` });
        }
        prompter = io.prompter ?? (io.interactive ? (await import('./prompt.js')).terminalPrompter() : undefined);
        const values = await gatherValues(options, prompter, io, locale);
        prompter?.close();
        prompter = undefined;
        const folder = path.resolve(io.cwd, options.out ?? '.');
        const file = path.resolve(folder, fileArg ?? `${values.name.toLowerCase().replace(/_/g, '-')}.cpom`);
        const config = path.join(path.dirname(file), 'cpom.config.json');
        const shownFile = shownPath(file, io.cwd);
        const shownConfig = shownPath(config, io.cwd);
        refuseExisting(file, shownFile, options.force);
        refuseExisting(config, shownConfig, options.force);
        const text = contractSkeleton(values);
        writeFileAtomic(file, text, shownFile);
        writeFileAtomic(config, configSkeleton(), shownConfig);
        report(shownFile, shownConfig, text, io, locale);
        return 0;
    } catch (error) {
        prompter?.close();
        return reportFailure(error, io, locale);
    }
}

function report(shownFile: string, shownConfig: string, text: string, io: CommandIO, locale: Locale): void {
    const words: Bilingual = { fr: 'info', en: 'info' };
    const places = placesToComplete(text);
    const lines = places.map(p => `${shownFile}:${p.line}:${p.column} ${words[locale]} ${p.what ? `À COMPLÉTER : ${p.what}` : 'À COMPLÉTER'}`);
    const n = places.length;
    io.stdout([
        locale === 'fr' ? `Écrit : ${shownFile}, ${shownConfig}` : `Written: ${shownFile}, ${shownConfig}`,
        ...lines,
        locale === 'fr'
            ? `${n} place${n > 1 ? 's' : ''} à compléter (« À COMPLÉTER ») ; cpom check ${shownFile} ne signale aucune erreur.`
            : `${n} place${n > 1 ? 's' : ''} to complete ("À COMPLÉTER"); cpom check ${shownFile} reports no error.`,
    ].join('\n') + '\n');
}
