/** `cpom rules [CODE]`: the catalogue of rules in the terminal, or written as Markdown pages (docs/rules). */
import * as path from 'node:path';
import { getRule, RULES, ruleMarkdown, rulePage, rulesIndexMarkdown, type Locale } from '@cpom/language';
import type { CommandIO } from './check.js';
import { reportFailure } from './errors.js';
import { prepareOutputFolder, writeFileAtomic } from './output.js';

export interface RulesOptions {
    readonly lang: Locale;
    readonly writeDocs?: string;
}

export function runRules(code: string | undefined, options: RulesOptions, io: CommandIO): number {
    if (options.writeDocs) {
        const dir = path.resolve(io.cwd, options.writeDocs);
        const shown = (file: string) => path.relative(io.cwd, file) || file;
        try {
            prepareOutputFolder(dir, options.writeDocs);
            for (const rule of RULES) {
                const file = path.join(dir, `${rule.code}.md`);
                writeFileAtomic(file, ruleMarkdown(rule), shown(file));
            }
            writeFileAtomic(path.join(dir, 'README.md'), rulesIndexMarkdown(), shown(path.join(dir, 'README.md')));
        } catch (error) {
            return reportFailure(error, io, options.lang);
        }
        io.stdout(options.lang === 'fr'
            ? `${RULES.length} pages de règles écrites dans ${shown(dir) || '.'}\n`
            : `${RULES.length} rule pages written to ${shown(dir) || '.'}\n`);
        return 0;
    }
    if (code) {
        const rule = getRule(code);
        if (!rule) {
            io.stderr(options.lang === 'fr' ? `cpom: règle inconnue : « ${code} »\n` : `cpom: unknown rule '${code}'\n`);
            return 2;
        }
        io.stdout(rulePage(rule, options.lang));
        return 0;
    }
    for (const rule of RULES) {
        io.stdout(`${rule.code}  ${rule.severity.padEnd(7)}  ${rule.confidence}  ${rule.name.padEnd(34)} ${rule.title[options.lang]}\n`);
    }
    return 0;
}
