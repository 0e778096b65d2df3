import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    resolve: {
        // Tests run against the sources, not the compiled dist.
        alias: {
            '@cpom/language': fileURLToPath(new URL('./packages/language/src/index.ts', import.meta.url)),
            '@cpom/generator': fileURLToPath(new URL('./packages/generator/src/index.ts', import.meta.url)),
            '@cpom/diff': fileURLToPath(new URL('./packages/diff/src/index.ts', import.meta.url)),
        },
    },
    test: {
        include: ['tests/**/*.test.ts'],
        testTimeout: 60_000,
        pool: 'forks',
    },
});
