/**
 * `cpom studio`: the bundled CLI serves the built studio on 127.0.0.1 (`--no-open --port 0`: a free port, no
 * browser), only the studio's own files, and stops cleanly on SIGTERM. Usage errors are French and exit 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCpom } from './cli-run.js';
import { ROOT } from './helpers.js';
import { startStudioCommand } from './studio/command.js';

describe('cpom studio', () => {
    it('serves index.html and the bundles on 127.0.0.1, nothing outside the studio, and stops on SIGTERM', async () => {
        const cwd = mkdtempSync(path.join(tmpdir(), 'cpom-studio-'));
        const studio = startStudioCommand(process.execPath, [path.join(ROOT, 'packages/cli/bin/cpom.js')], cwd);
        try {
            const url = await studio.url;
            expect(studio.output()).toContain('Studio CPOM : http://127.0.0.1:');
            const index = await fetch(url);
            expect(index.status).toBe(200);
            expect(index.headers.get('content-type')).toContain('text/html');
            expect(await index.text()).toContain('<title>Studio CPOM</title>');
            for (const file of ['studio.js', 'server-worker.js', 'studio.css']) {
                expect((await fetch(new URL(file, url))).status, file).toBe(200);
            }
            for (const outside of ['..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json', 'nothing-here.js']) {
                expect((await fetch(`${url}${outside}`)).status, outside).toBe(404);
            }
        } finally {
            studio.child.kill('SIGTERM');
            expect(await studio.exited).toBe(0);
            rmSync(cwd, { recursive: true, force: true });
        }
    });

    it('refuses a port that is not one, in French, with exit code 2', async () => {
        const run = await runCpom(['studio', '--no-open', '--port', 'huit'], ROOT);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('port impossible : « huit »');
    });

    it('has a French help', async () => {
        const run = await runCpom(['studio', '--help'], ROOT);
        expect(run.stdout + run.stderr).toContain('ne pas ouvrir le navigateur');
    });
});
