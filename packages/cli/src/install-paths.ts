/** Where the CLI is installed: the same answer from the TypeScript sources (tests) and from the bundle. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findPackageDir(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, 'package.json');
        if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cpom') {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            return start;
        }
    }
}

export const CLI_PACKAGE_DIR = findPackageDir(path.dirname(fileURLToPath(import.meta.url)));

const MANIFEST = JSON.parse(readFileSync(path.join(CLI_PACKAGE_DIR, 'package.json'), 'utf8')) as { version?: string; homepage?: string };

export const VERSION: string = MANIFEST.version ?? '0.0.0';

/** The project's home page (SARIF `informationUri`), without the README anchor. */
export const HOMEPAGE: string = (MANIFEST.homepage ?? 'https://github.com/cpom-toolchain/cpom').split('#')[0];

/**
 * The rule pages, as a file URL ending with a slash: `docs/rules/` inside the installed package (copied in when it
 * is packed), else the repository's `docs/rules/` (a clone, or the sources in tests).
 */
export const RULES_BASE_URI = pathToFileURL(rulesDir() + path.sep).href;

/** The file URL of a rule's page, when the page is there (a copy of the package may lack `docs/`). */
export function rulePageUri(code: string): string | undefined {
    return existsSync(path.join(rulesDir(), `${code}.md`)) ? `${RULES_BASE_URI}${encodeURIComponent(code)}.md` : undefined;
}

function rulesDir(): string {
    const packaged = path.join(CLI_PACKAGE_DIR, 'docs', 'rules');
    return existsSync(packaged) ? packaged : path.resolve(CLI_PACKAGE_DIR, '../../docs/rules');
}
