/**
 * Suppressions (`// cpom-ignore CODE : reason`) and the `ignore` globs of cpom.config.json, end to end through
 * `cpom check`, and the suppressions in the core as the language server runs it (fast rules while typing).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createCpomServices } from '@cpom/language';
import { main } from '../packages/cli/src/main.js';
import type { CommandIO } from '../packages/cli/src/check.js';
import { ROOT } from './helpers.js';

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
const WRONG_KEY = BASE.replace('finess 260999016', 'finess 260999017');
let dir: string;

interface Run { code: number; stdout: string; stderr: string }

async function cpom(args: string[], cwd = dir): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { cwd, stdout: t => { stdout += t; }, stderr: t => { stderr += t; }, version: '0.0.0-test' };
    const code = await main(args, io);
    return { code, stdout, stderr };
}

function write(name: string, text: string): string {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
}

/** The contract with a wrong FINESS key, `comment` on the line before it. */
function withComment(comment: string): string {
    return WRONG_KEY.replace(/^(\s*)(finess 260999017)/m, `$1${comment}\n$1$2`);
}

beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-suppress-'));
});

describe('cpom check and // cpom-ignore', () => {
    it('reports the wrong key without a suppression (the case the others change)', async () => {
        write('c.cpom', WRONG_KEY);
        const run = await cpom(['check', 'c.cpom', '--format', 'json']);
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['CPOM041']);
    });

    it('a suppression with a reason ignores the diagnostic: exit 0, nothing reported', async () => {
        write('c.cpom', withComment("// cpom-ignore finess-key : numéro provisoire communiqué par l'ARS"));
        const run = await cpom(['check', 'c.cpom', '--format', 'json']);
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout).files[0].diagnostics).toEqual([]);
        expect(run.code).toBe(0);
    });

    it('without a reason the error stays, with a warning saying why, in English on request', async () => {
        write('c.cpom', withComment('// cpom-ignore CPOM041'));
        const run = await cpom(['check', 'c.cpom', '--format', 'json', '--lang', 'en']);
        expect(run.code).toBe(1);
        const diagnostics = JSON.parse(run.stdout).files[0].diagnostics as Array<{ code: string; message: string }>;
        expect(diagnostics.map(d => d.code).sort()).toEqual(['CPOM041', 'CPOM110']);
        expect(diagnostics.find(d => d.code === 'CPOM110')?.message).toContain('does not say why CPOM041 is ignored');
    });

    it('the configuration sets the severity of the suppression rules', async () => {
        write('c.cpom', withComment('// cpom-ignore CPOM041, CPOM999 : provisoire'));
        write('cpom.config.json', JSON.stringify({ rules: { 'invalid-suppression': 'error' } }));
        const run = await cpom(['check', 'c.cpom', '--format', 'json']);
        const diagnostics = JSON.parse(run.stdout).files[0].diagnostics as Array<{ code: string; severity: string }>;
        expect(diagnostics).toMatchObject([{ code: 'CPOM111', severity: 'error' }]);
        expect(run.code).toBe(1);
    });
});

describe('suppressions in the core, as the language server runs it', () => {
    const services = createCpomServices(EmptyFileSystem);
    let counter = 0;

    async function diagnosticsOf(text: string, categories?: Array<'built-in' | 'fast' | 'slow'>): Promise<string[]> {
        const { shared } = services;
        const uri = URI.parse(`memory:///suppress-${counter++}.cpom`);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        try {
            await shared.workspace.DocumentBuilder.build([document], { validation: categories ? { categories } : true });
            return (document.diagnostics ?? []).map(d => String(d.code)).sort();
        } finally {
            await shared.workspace.DocumentBuilder.update([], [uri]);
        }
    }

    it('ignores the diagnostic while typing and on save alike', async () => {
        const text = withComment('// cpom-ignore CPOM041 : provisoire');
        expect(await diagnosticsOf(text, ['built-in', 'fast'])).toEqual([]);
        expect(await diagnosticsOf(text)).toEqual([]);
    });

    it('reports an unused suppression only when every rule ran', async () => {
        const text = BASE.replace(/^(\s*)(finess 260999016)/m, '$1// cpom-ignore CPOM041 : provisoire\n$1$2');
        expect(await diagnosticsOf(text, ['built-in', 'fast'])).toEqual([]);
        expect(await diagnosticsOf(text, ['built-in', 'fast', 'slow'])).toEqual(['CPOM112']);
        expect(await diagnosticsOf(text)).toEqual(['CPOM112']);
    });

    it('never ignores a syntax error, and says so', async () => {
        const text = withComment('// cpom-ignore CPOM001 : pour voir').replace('finess 260999017', 'finess 260999017 }}');
        const codes = await diagnosticsOf(text);
        expect(codes).toContain('CPOM001');
        expect(codes).toContain('CPOM111');
        expect(codes).not.toContain('CPOM112');
    });
});
