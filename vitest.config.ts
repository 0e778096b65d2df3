import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
        include: ['tests/**/*.test.ts'],
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
    },
});
