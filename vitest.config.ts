import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The longest files, longest first (CI, 2 cores): started first, so that the run does not end on one of them alone
 * while the other worker is idle. Without this, a fresh clone (no duration cache) starts the largest files first,
 * and the editor tests — a small file, two minutes — came near the end.
 */
const LONGEST_FIRST = [
    'extension', 'fuzz', 'long-whitespace', 'generator-robustness', 'studio', 'pipelines', 'robustness', 'git', 'package',
    'pdf-engine', 'no-identifiers', 'cli-robustness', 'suivi-report', 'formatter', 'core-robustness', 'server-requests',
    'generate', 'change-path', 'diff', 'toc-pages', 'pdf-width',
].map(name => `/tests/${name}.test.ts`);

class LongestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const rank = (file: TestSpecification) => {
            const index = LONGEST_FIRST.findIndex(suffix => file.moduleId.endsWith(suffix));
            return index < 0 ? LONGEST_FIRST.length : index;
        };
        const rest = await super.sort(files.filter(file => rank(file) === LONGEST_FIRST.length));
        return [...files.filter(file => rank(file) < LONGEST_FIRST.length).sort((a, b) => rank(a) - rank(b)), ...rest];
    }
}

/**
 * Files that need a module graph of their own: `vi.mock` replaces a module for the file that declares it, which a
 * shared graph may have loaded already (and would keep mocked for the next files).
 */
const ISOLATED = ['tests/cli-robustness.test.ts'];

export default defineConfig({
    resolve: {
        // Tests run against the sources, not the compiled dist.
        // Sub-path entries (`@cpom/language/node`, `@cpom/server/protocol`) first: a bare key would swallow them.
        alias: [
            { find: /^@cpom\/language\/(\w+)$/, replacement: fileURLToPath(new URL('./packages/language/src/$1/index.ts', import.meta.url)) },
            { find: /^@cpom\/server\/(\w+)$/, replacement: fileURLToPath(new URL('./packages/server/src/$1.ts', import.meta.url)) },
            { find: /^@cpom\/(language|generator|diff|server)$/, replacement: fileURLToPath(new URL('./packages/$1/src/index.ts', import.meta.url)) },
        ],
    },
    test: {
        // Generous bounds for a busy 2-core machine (CI, or helpers side by side): tests wait on events, and these
        // only stop a real hang. Above the 90 s the protocol tests give one awaited event, so theirs is the message.
        testTimeout: 120_000,
        hookTimeout: 120_000,
        // A first `cpom check` starts the build of the CLI's startup snapshot in the background, in the cache folder
        // of the user, or of a temporary HOME that its test removes meanwhile: off, except in tests/cli-snapshot.test.ts.
        env: { CPOM_NO_SNAPSHOT: '1' },
        pool: 'forks',
        // Two files at a time, also on 2 cores (vitest's default there is one: cores − 1): many files wait on child
        // processes (the CLI, Chromium, LibreOffice, editors) and leave a core idle; the suite's wall time halves.
        maxWorkers: 2,
        sequence: { sequencer: LongestFirst },
        // The test files: tests/**/*.test.ts, in two projects (an include here would add to each project's).
        projects: [
            { extends: true, test: { name: 'isolated', include: ISOLATED } },
            // The other files share each worker's modules: langium, the grammar's parser and the packages load once
            // per worker, not once per file (the 71 lighter files: 243 s of CPU isolated, 193 s shared). A file
            // leaves no global state behind: spies and mocks are restored after each file, timers and variables by
            // the file itself.
            { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
        ],
    },
});
