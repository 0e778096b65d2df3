/** The language of the CLI's own messages: `--lang`, else the environment's (LC_ALL, LC_MESSAGES, LANG), else French. */
import type { Locale } from '@cpom/language';

export function cliLocale(lang: Locale | undefined, env: Readonly<Record<string, string | undefined>> = {}): Locale {
    if (lang) return lang;
    // POSIX order: the first of these that is set wins.
    const setting = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
    return /^en([_.@-]|$)/i.test(setting) ? 'en' : 'fr';
}
