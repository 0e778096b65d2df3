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
        testTimeout: 60_000,
        pool: 'forks',
    },
});
