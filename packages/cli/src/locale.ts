/**
 * The language of the CLI: its help, usage errors, I/O errors and notes, and the diagnostics of contracts whose
 * configuration does not say. French unless asked otherwise, by order of precedence: `--lang`, the `lang` of the
 * configuration (`--config`, or the nearest cpom.config.json from the working directory), the environment (LC_ALL,
 * LC_MESSAGES, LANG, as POSIX reads them).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '@cpom/language';
import { CONFIG_FILE_NAME } from '@cpom/language/node';

function isLocale(value: unknown): value is Locale {
    return value === 'fr' || value === 'en';
}

/** The value of an option in raw arguments (`--lang en`, `--lang=en`), before commander parses them. */
function optionValue(argv: readonly string[], names: readonly string[]): string | undefined {
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--') break;
        for (const name of names) {
            if (argv[i] === name) return argv[i + 1];
            if (name.startsWith('--') && argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
        }
    }
    return undefined;
}

/** The `lang` of a configuration file, if it has a valid one (a broken file is reported by the command that reads it). */
function configLang(file: string): Locale | undefined {
    try {
        const lang = (JSON.parse(readFileSync(file, 'utf8')) as { lang?: unknown }).lang;
        return isLocale(lang) ? lang : undefined;
    } catch {
        return undefined;
    }
}

function nearestConfig(cwd: string): string | undefined {
    for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        if (existsSync(candidate)) return candidate;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/** The language from the environment, if it names one we speak. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>> = {}): Locale | undefined {
    const setting = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
    if (/^en([_.@-]|$)/i.test(setting)) return 'en';
    if (/^fr([_.@-]|$)/i.test(setting)) return 'fr';
    return undefined;
}

/** The CLI's language for a command line run in `cwd` with `env`. */
export function resolveCliLocale(argv: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>> = {}): Locale {
    const asked = optionValue(argv, ['--lang']);
    if (isLocale(asked)) return asked;
    const config = optionValue(argv, ['-c', '--config']);
    const file = config ? path.resolve(cwd, config) : nearestConfig(cwd);
    return (file ? configLang(file) : undefined) ?? environmentLocale(env) ?? 'fr';
}
