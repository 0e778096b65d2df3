/**
 * The report formats against their schemas: JUnit against the common JUnit XSD (xmllint, compiled to WebAssembly),
 * SARIF against the SARIF 2.1.0 JSON schema (ajv); SARIF URIs in folders with `#`, `%`, spaces; rule pages linked
 * only when they exist; FORCE_COLOR / NO_COLOR; the language server's `serverInfo`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { validateXML } from 'xmllint-wasm';
import type { CommandIO } from '../packages/cli/src/check.js';
import { colorWanted } from '../packages/cli/src/color.js';
import { formatSarif } from '../packages/cli/src/formats/sarif.js';
import { main } from '../packages/cli/src/main.js';
import { ROOT } from './helpers.js';

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
const FIXTURES = path.join(ROOT, 'tests/fixtures/formats');
const BIN = path.join(ROOT, 'packages/cli/bin/cpom.js');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

/** Contracts with, in order: nothing to say; an error (CPOM041); a warning (CPOM007); an info only (CPOM043). */
const CONTRACTS: Record<string, string> = {
    'clean.cpom': BASE.replace(/CPOM_MESSIDOR_2013/g, 'CLEAN'),
    'error.cpom': BASE.replace(/CPOM_MESSIDOR_2013/g, 'ERROR').replace('finess 260999016', 'finess 260999017'),
    'warning.cpom': BASE.replace(/CPOM_MESSIDOR_2013/g, 'WARNING').replace('autorite ARS_RA ars', 'autorite CD69 departement 69 "Département du Rhône"\n    autorite ARS_RA ars'),
    'info.cpom': BASE.replace(/CPOM_MESSIDOR_2013/g, 'INFO').replace('finess 260999016', 'finess 260 999 016'),
};

let dir: string;

interface Run { code: number; stdout: string; stderr: string }

async function cpom(args: string[], cwd = dir, env?: Record<string, string>): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { cwd, stdout: t => { stdout += t; }, stderr: t => { stderr += t; }, version: VERSION, env };
    const code = await main(args, io);
    return { code, stdout, stderr };
}

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-formats-'));
    for (const [name, text] of Object.entries(CONTRACTS)) writeFileSync(path.join(dir, name), text);
});

describe('junit', () => {
    const xsd = readFileSync(path.join(FIXTURES, 'junit.xsd'), 'utf8');

    async function validate(xml: string): Promise<{ valid: boolean; errors: string[] }> {
        const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
        return { valid: result.valid, errors: result.errors.map(e => e.rawMessage) };
    }

    it('the schema rejects what it must (a suite without timestamp, a test case without time)', async () => {
        const run = await cpom(['check', 'clean.cpom', '--format', 'junit']);
        expect(await validate(run.stdout.replace(/ timestamp="[^"]*"/, ''))).toMatchObject({ valid: false });
        expect(await validate(run.stdout.replace(/ time="0"\/>/, '/>'))).toMatchObject({ valid: false });
    });

    const CASES: { files: string[]; tests: number; failures: number; infos: number }[] = [
        { files: ['clean.cpom'], tests: 1, failures: 0, infos: 0 },
        { files: ['error.cpom'], tests: 1, failures: 1, infos: 0 },
        { files: ['warning.cpom'], tests: 1, failures: 1, infos: 0 },
        { files: ['info.cpom'], tests: 1, failures: 0, infos: 1 },
        { files: ['clean.cpom', 'error.cpom', 'warning.cpom', 'info.cpom'], tests: 4, failures: 2, infos: 1 },
    ];
    for (const c of CASES) {
        it(`${c.files.join(' + ')}: valid against the XSD, ${c.failures} failure(s), infos are not failures`, async () => {
            const run = await cpom(['check', ...c.files, '--format', 'junit']);
            const validation = await validate(run.stdout);
            expect(validation.errors).toEqual([]);
            expect(validation.valid).toBe(true);
            expect(run.stdout).toMatch(new RegExp(`<testsuites name="cpom" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="0" time="\\d+\\.\\d{3}">`));
            expect(run.stdout.match(/<failure /g)?.length ?? 0).toBe(c.failures);
            expect(run.stdout.match(/<system-out>info CPOM043 /g)?.length ?? 0).toBe(c.infos);
            expect(run.stdout).toMatch(/ timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d" time="0" hostname="[^"]+"/);
            // An info only: the file's suite has no failure, and the check passes.
            if (c.files.length === 1 && c.infos === 1) {
                expect(run.stdout).toMatch(/<testsuite name="info\.cpom" tests="1" failures="0"/);
                expect(run.code).toBe(0);
            }
        });
    }
});

/** The SARIF schema is draft-04 (`id`, `$schema`): ajv 8 reads it as draft-07 once they are renamed; no keyword differs. */
function sarifValidator(): ValidateFunction {
    const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
    const { $schema: _draft, id, ...rest } = schema;
    void _draft;
    // One pattern of the schema (`language`) is not valid with the u flag: ajv's unicodeRegExp is off.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    // RFC 3986 characters only, every % followed by two hex digits: a raw space, `#` in a path or lone `%` fails.
    const uriReference = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
    ajv.addFormat('uri-reference', uriReference);
    ajv.addFormat('uri', (value: string) => uriReference.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/);
    return ajv.compile({ $id: id as string, ...rest });
}

describe('sarif', () => {
    const validate = sarifValidator();

    const FOLDERS = ['plain', 'dossier #2', '100% contrats', 'a?b', 'équipe', 'c:d'];
    for (const folder of FOLDERS) {
        it(`a contract in « ${folder} »: the artifact URI encodes each segment and resolves to the file`, async () => {
            mkdirSync(path.join(dir, folder, 'sub dir'), { recursive: true });
            writeFileSync(path.join(dir, folder, 'sub dir', 'x y.cpom'), CONTRACTS['error.cpom']);
            const run = await cpom(['check', `${folder}/sub dir/x y.cpom`, '--format', 'sarif']);
            const sarif = JSON.parse(run.stdout);
            expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
            const base = sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri as string;
            const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
            expect(uri).toBe(`${encodeURIComponent(folder)}/sub%20dir/x%20y.cpom`);
            expect(sarif.runs[0].artifacts[0].location.uri).toBe(uri);
            expect(fileURLToPath(new URL(uri, base))).toBe(path.join(dir, folder, 'sub dir', 'x y.cpom'));
        });
    }

    it('names the tool\'s home page and links only rule pages that exist', async () => {
        const run = await cpom(['check', 'error.cpom', 'info.cpom', '--format', 'sarif']);
        const sarif = JSON.parse(run.stdout);
        expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
        const driver = sarif.runs[0].tool.driver;
        expect(driver.informationUri).toBe('https://github.com/cpom-toolchain/cpom');
        for (const rule of driver.rules as { id: string; helpUri?: string }[]) {
            expect(rule.helpUri, rule.id).toBeDefined();
            expect(readFileSync(fileURLToPath(rule.helpUri!), 'utf8')).toContain(rule.id);
        }
    });

    it('leaves helpUri out where there is no page (a copy of the package without docs/)', () => {
        const report = { locale: 'fr' as const, files: [], errorCount: 0, warningCount: 0, infoCount: 0 };
        const sarif = JSON.parse(formatSarif(report, { toolVersion: '1.0.0', helpUri: () => undefined, informationUri: 'https://example.org/cpom', cwd: dir }));
        expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
        expect(sarif.runs[0].tool.driver.rules.every((r: object) => !('helpUri' in r))).toBe(true);
    });
});

describe('colours: FORCE_COLOR, NO_COLOR, --no-color', () => {
    const TABLE: { flag: boolean; tty: boolean; env: Record<string, string>; colored: boolean }[] = [
        { flag: true, tty: true, env: {}, colored: true },
        { flag: true, tty: false, env: {}, colored: false },
        { flag: false, tty: true, env: {}, colored: false },
        { flag: true, tty: true, env: { TERM: 'dumb' }, colored: false },
        { flag: true, tty: true, env: { NO_COLOR: '1' }, colored: false },
        { flag: true, tty: true, env: { NO_COLOR: '' }, colored: true },
        { flag: true, tty: false, env: { FORCE_COLOR: '1' }, colored: true },
        { flag: true, tty: false, env: { FORCE_COLOR: '2' }, colored: true },
        { flag: true, tty: false, env: { FORCE_COLOR: '3' }, colored: true },
        { flag: true, tty: false, env: { FORCE_COLOR: '' }, colored: true },
        { flag: true, tty: false, env: { FORCE_COLOR: 'true' }, colored: true },
        { flag: true, tty: true, env: { FORCE_COLOR: '0' }, colored: false },
        { flag: true, tty: true, env: { FORCE_COLOR: 'false' }, colored: false },
        { flag: true, tty: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, colored: true },
        { flag: true, tty: true, env: { FORCE_COLOR: '0', NO_COLOR: '' }, colored: false },
        { flag: false, tty: true, env: { FORCE_COLOR: '1' }, colored: false },
    ];
    for (const c of TABLE) {
        it(`${c.flag ? '' : '--no-color, '}${c.tty ? 'terminal' : 'not a terminal'}, ${JSON.stringify(c.env)}: ${c.colored ? 'colours' : 'none'}`, () => {
            expect(colorWanted(c.flag, c.tty, c.env)).toBe(c.colored);
        });
    }

    for (const [env, colored] of [[{ FORCE_COLOR: '1' }, true], [{ FORCE_COLOR: '0' }, false], [{ NO_COLOR: '1' }, false]] as const) {
        it(`cpom check with ${JSON.stringify(env)} on a pipe: ${colored ? 'coloured' : 'plain'}`, async () => {
            const run = await cpom(['check', 'error.cpom'], dir, { ...env });
            expect(run.stdout.includes('\x1b[')).toBe(colored);
            expect(run.stdout).toContain('CPOM041');
        });
    }
});

describe('language server', () => {
    let child: ReturnType<typeof spawn> | undefined;
    afterAll(() => {
        child?.kill();
    });

    it('names itself in the initialize result (serverInfo)', async () => {
        child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        connection.listen();
        const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {} });
        expect(result.serverInfo).toEqual({ name: 'cpom', version: VERSION });
        expect(result.capabilities.hoverProvider).toBeTruthy();
        connection.dispose();
    }, 30_000);
});
