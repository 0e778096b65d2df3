/** `cpom git-setup`: declares cpom as git's diff driver and text conversion for .cpom files (repository or global attributes). */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CommandIO } from './check.js';
import { reportFailure, UsageError } from './errors.js';
import { CLI_PACKAGE_DIR } from './install-paths.js';
import { git, repositoryRoot } from './git.js';

/** Quotes a word for the POSIX shell git runs diff commands with (also git for Windows' sh). */
function shellQuote(word: string): string {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line that runs this cpom, whatever the PATH: node and the absolute path of bin/cpom.js. */
export function cpomCommandLine(): string {
    return [process.execPath, path.join(CLI_PACKAGE_DIR, 'bin', 'cpom.js')].map(shellQuote).join(' ');
}

const ATTRIBUTE_LINE = '*.cpom diff=cpom';

/** Whether an attributes text already routes *.cpom files to the cpom diff driver. */
function hasCpomAttribute(text: string): boolean {
    return text.split(/\r?\n/).some(line => {
        const fields = line.trim().split(/\s+/);
        return fields[0] === '*.cpom' && fields.slice(1).includes('diff=cpom');
    });
}

async function globalAttributesFile(cwd: string): Promise<string> {
    let configured = '';
    try {
        configured = (await git(['config', '--global', '--get', 'core.attributesFile'], cwd)).toString('utf8').trim();
    } catch { /* not set */ }
    const home = process.env.HOME || os.homedir();
    if (configured) return configured.startsWith('~/') ? path.join(home, configured.slice(2)) : path.resolve(cwd, configured);
    const xdg = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
    return path.join(xdg, 'git', 'attributes');
}

/** `cpom git-setup`: .gitattributes + the diff driver and textconv in the repository's (or the global) git config. */
export async function runGitSetup(options: { global?: boolean }, io: CommandIO): Promise<number> {
    const en = io.locale === 'en';
    try {
        const bin = path.join(CLI_PACKAGE_DIR, 'bin', 'cpom.js');
        if (!existsSync(bin)) throw new UsageError({ fr: `commande cpom introuvable à ${bin}`, en: `cannot find the cpom command at ${bin}` });
        let attributes: string;
        let scope: string[];
        if (options.global) {
            attributes = await globalAttributesFile(io.cwd);
            scope = ['--global'];
        } else {
            const root = await repositoryRoot(io.cwd);
            attributes = path.join(root, '.gitattributes');
            scope = ['--local'];
        }
        const shown = options.global ? attributes : path.relative(io.cwd, attributes) || attributes;
        const existing = existsSync(attributes) ? readFileSync(attributes, 'utf8') : '';
        if (hasCpomAttribute(existing)) {
            io.stdout(en ? `${shown}: already has '${ATTRIBUTE_LINE}'\n` : `${shown} : contient déjà « ${ATTRIBUTE_LINE} »\n`);
        } else {
            mkdirSync(path.dirname(attributes), { recursive: true });
            appendFileSync(attributes, `${existing.length > 0 && !existing.endsWith('\n') ? '\n' : ''}${ATTRIBUTE_LINE}\n`);
            io.stdout(en ? `${shown}: added '${ATTRIBUTE_LINE}'\n` : `${shown} : « ${ATTRIBUTE_LINE} » ajouté\n`);
        }
        const cpom = cpomCommandLine();
        const settings: Array<[string, string]> = [
            ['diff.cpom.command', `${cpom} git-diff-driver`],
            ['diff.cpom.textconv', `${cpom} textconv`],
        ];
        for (const [key, value] of settings) {
            await git(['config', ...scope, key, value], io.cwd);
            io.stdout(`git config ${scope[0]} ${key} ${shellQuote(value)}\n`);
        }
        io.stdout((en ? [
            '',
            'git diff now shows the semantic diff of .cpom files (git log -p and git show: add --ext-diff);',
            'with --no-ext-diff, and in git log -p, git compares one fact per line (cpom textconv).',
            options.global ? '' : `Commit ${shown} so that everybody's clone uses the driver; each clone runs cpom git-setup once.`,
        ] : [
            '',
            'git diff montre désormais le diff sémantique des fichiers .cpom (git log -p et git show : ajoutez --ext-diff) ;',
            'avec --no-ext-diff, et dans git log -p, git compare un fait par ligne (cpom textconv).',
            options.global ? '' : `Commitez ${shown} pour que chaque clone utilise le pilote ; chaque clone lance une fois cpom git-setup.`,
        ]).filter(Boolean).join('\n') + '\n');
        return 0;
    } catch (error) {
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}
