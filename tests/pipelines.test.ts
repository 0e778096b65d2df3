/**
 * The pipelines users copy: the GitHub Action (action.yml), the GitLab CI template (ci/gitlab/cpom.gitlab-ci.yml)
 * and the pre-commit hooks (.pre-commit-hooks.yaml). Each file must parse and have the keys its host reads; then
 * their scripts run here, as GitHub, GitLab and pre-commit would run them, in a temporary repository whose origin is
 * a local bare repository, with the packed cpom (installed by the scripts themselves, offline) and fake `gh` and
 * `curl` standing in for the forges' APIs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT } from './helpers.js';
import { isolatedEnv, type PackedCli, packAndInstall } from './packed-cli.js';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
const AMENDED = SEED.replace('capacité 39 places financées 39', 'capacité 45 places financées 45');
const BROKEN = SEED.replace(/finess 690\d{6}/, match => match.slice(0, -1) + String((Number(match.at(-1)) + 1) % 10));
const COMMENT_MARKER = '<!-- cpom-diff -->';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- YAML documents of three different hosts, read field by field
function loadYaml(file: string): any {
    const doc = parseDocument(readFileSync(path.join(ROOT, file), 'utf8'), { uniqueKeys: true, prettyErrors: true });
    expect(doc.errors.map(e => e.message), file).toEqual([]);
    expect(doc.warnings.map(e => e.message), file).toEqual([]);
    return doc.toJS();
}

const action = loadYaml('action.yml');
const gitlab = loadYaml('ci/gitlab/cpom.gitlab-ci.yml');
const hooks = loadYaml('.pre-commit-hooks.yaml');

// ---------------------------------------------------------------------------------------------------------------
// GitHub expressions, as far as action.yml uses them: `${{ }}` around property paths, 'strings', ==, !=, !, &&, ||,
// parentheses and the status functions.

interface ExpressionContext {
    readonly inputs: Record<string, string>;
    readonly github: Record<string, unknown>;
    readonly steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
    readonly failed: boolean;
}

const TOKEN = /\s*(\|\||&&|==|!=|!|\(|\)|'(?:[^']|'')*'|[A-Za-z_][\w-]*(?:\.[\w-]+)*(?:\(\))?)/y;

function evaluate(expression: string, context: ExpressionContext): string | boolean {
    let js = '';
    TOKEN.lastIndex = 0;
    const source = expression.trim();
    while (TOKEN.lastIndex < source.length) {
        const start = TOKEN.lastIndex;
        const match = TOKEN.exec(source);
        if (!match) throw new Error(`cannot read the expression at ${start}: ${source}`);
        const token = match[1];
        if (token === '==' || token === '!=') js += ` ${token}= `;
        else if (['||', '&&', '!', '(', ')'].includes(token)) js += token;
        else if (token.startsWith("'")) js += JSON.stringify(token.slice(1, -1).replace(/''/g, "'"));
        else if (token === 'always()') js += 'true';
        else if (token === 'cancelled()') js += 'false';
        else if (token === 'success()') js += String(!context.failed);
        else if (token === 'failure()') js += String(context.failed);
        else if (token.endsWith('()')) throw new Error(`unknown function ${token}`);
        else {
            // A missing property is null, which GitHub compares equal to ''.
            const value = token.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], context);
            js += JSON.stringify(value === undefined || value === null ? '' : String(value));
        }
    }
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates the expressions of our own action.yml, translated above
    return new Function(`return (${js});`)() as string | boolean;
}

function interpolate(text: string, context: ExpressionContext): string {
    return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(evaluate(expression, context)));
}

/** A step's `if`: an expression with or without `${{ }}`, `success() && (…)` unless it names a status function. */
function condition(step: { if?: string }, context: ExpressionContext): boolean {
    const expression = (step.if ?? 'success()').replace(/^\s*\$\{\{(.*)\}\}\s*$/s, '$1');
    const withStatus = /\b(always|success|failure|cancelled)\(\)/.test(expression) ? expression : `success() && (${expression})`;
    return evaluate(withStatus, context) === true;
}

// ---------------------------------------------------------------------------------------------------------------
// A composite action's steps, run as the GitHub runner does: bash -e -o pipefail, GITHUB_* files, env evaluated.

interface StepRun {
    readonly name: string;
    readonly ran: boolean;
    readonly outcome: 'success' | 'failure' | 'skipped';
    readonly outputs: Record<string, string>;
    readonly with?: Record<string, string>;
    readonly log: string;
}

interface ActionRun {
    readonly steps: StepRun[];
    readonly summary: string;
    readonly outputs: Record<string, string>;
    step(name: string): StepRun;
}

function runAction(options: { inputs: Record<string, string>; workspace: string; env: NodeJS.ProcessEnv; temp: string; fromFork?: boolean }): ActionRun {
    const inputs: Record<string, string> = {};
    const github = {
        token: 'ghs_fake', event_name: 'pull_request', base_ref: 'main', repository: 'owner/contrats', action_path: ROOT,
        event: { pull_request: { number: 7, head: { repo: { full_name: options.fromFork ? 'someone/contrats' : 'owner/contrats' } } } },
    };
    const context: ExpressionContext & { failed: boolean } = { inputs, github, steps: {}, failed: false };
    for (const [name, input] of Object.entries(action.inputs as Record<string, { default?: string }>)) {
        inputs[name] = options.inputs[name] ?? interpolate(String(input.default ?? ''), context);
    }
    const runner = mkdtempSync(path.join(options.temp, 'runner-'));
    const summary = path.join(runner, 'summary.md');
    const pathFile = path.join(runner, 'path.txt');
    writeFileSync(summary, '');
    writeFileSync(pathFile, '');
    const steps: StepRun[] = [];
    (action.runs.steps as { name: string; id?: string; if?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[]).forEach((step, index) => {
        if (!condition(step, context)) {
            steps.push({ name: step.name, ran: false, outcome: 'skipped', outputs: {}, log: '' });
            if (step.id) context.steps[step.id] = { outputs: {}, outcome: 'skipped' };
            return;
        }
        if (step.uses) {
            // Another action (upload-sarif): not run here, its inputs are checked by the tests.
            const resolved = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), context)]));
            steps.push({ name: step.name, ran: true, outcome: 'success', outputs: {}, with: resolved, log: '' });
            return;
        }
        const outputFile = path.join(runner, `output-${index}.txt`);
        writeFileSync(outputFile, '');
        const script = path.join(runner, `step-${index}.sh`);
        writeFileSync(script, step.run!);
        const addedPaths = readFileSync(pathFile, 'utf8').split('\n').filter(Boolean).reverse();
        const env: NodeJS.ProcessEnv = {
            ...options.env,
            PATH: [...addedPaths, options.env.PATH].join(path.delimiter),
            GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: options.workspace, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: runner,
            GITHUB_OUTPUT: outputFile, GITHUB_PATH: pathFile, GITHUB_STEP_SUMMARY: summary, GITHUB_ENV: path.join(runner, 'env.txt'),
            GITHUB_EVENT_NAME: github.event_name, GITHUB_BASE_REF: github.base_ref, GITHUB_REPOSITORY: github.repository,
            ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, interpolate(String(value), context)])),
        };
        const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: options.workspace, env, encoding: 'utf8', timeout: 60_000 });
        const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
        const outcome = run.status === 0 ? 'success' : 'failure';
        if (outcome === 'failure') context.failed = true;
        if (step.id) context.steps[step.id] = { outputs, outcome };
        steps.push({ name: step.name, ran: true, outcome, outputs, log: `${run.stdout}${run.stderr}` });
    });
    const outputs = Object.fromEntries(Object.entries(action.outputs as Record<string, { value: string }>).map(([key, output]) => [key, interpolate(output.value, context)]));
    return {
        steps, outputs, summary: readFileSync(summary, 'utf8'),
        step: name => steps.find(s => s.name === name) ?? (() => { throw new Error(`no step "${name}"`); })(),
    };
}

// ---------------------------------------------------------------------------------------------------------------

describe('action.yml', () => {
    const steps = action.runs.steps as Record<string, unknown>[];

    it('is a composite action whose inputs, outputs and steps GitHub can read', () => {
        expect(action).toMatchObject({ name: expect.any(String), description: expect.any(String), runs: { using: 'composite' } });
        expect(action.description.length).toBeLessThanOrEqual(125); // the Marketplace's limit
        for (const [name, input] of Object.entries(action.inputs as Record<string, Record<string, unknown>>)) {
            expect(input.description, name).toEqual(expect.any(String));
        }
        for (const [name, output] of Object.entries(action.outputs as Record<string, Record<string, unknown>>)) {
            expect(output, name).toMatchObject({ description: expect.any(String), value: expect.stringMatching(/^\$\{\{ steps\.[\w-]+\.outputs\.[\w-]+ \}\}$/) });
        }
        for (const step of steps) {
            expect(step.name).toEqual(expect.any(String));
            if (step.run) expect(step.shell, String(step.name)).toBe('bash');
            else expect(step.uses, String(step.name)).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
        }
    });

    it('names only declared inputs and step ids, and keeps ${{ }} out of scripts (no shell injection)', () => {
        const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
        const ids = new Set(steps.map(s => s.id).filter(Boolean));
        for (const [, name] of text.matchAll(/\binputs\.([\w-]+)/g)) expect(Object.keys(action.inputs), name).toContain(name);
        for (const [, id] of text.matchAll(/\bsteps\.([\w-]+)\./g)) expect(ids, id).toContain(id);
        for (const step of steps.filter(s => s.run)) expect(String(step.run), String(step.name)).not.toContain('${{');
    });
});

describe('ci/gitlab/cpom.gitlab-ci.yml', () => {
    it('has jobs GitLab can run, the check declaring its Code Quality report', () => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GitLab jobs as parsed YAML
        const jobs = Object.entries(gitlab).filter(([name]) => !name.startsWith('.') && name !== 'variables') as [string, Record<string, any>][];
        expect(jobs.map(([name]) => name).sort()).toEqual(['cpom-check', 'cpom-diff']);
        for (const [name, job] of jobs) {
            expect(job.stage, name).toBe('test');
            expect(gitlab, name).toHaveProperty([job.extends]);
            expect(job.script, name).toEqual(expect.arrayContaining([expect.any(String)]));
            expect(job.rules, name).toEqual(expect.any(Array));
        }
        const check = gitlab['cpom-check'];
        expect(check.artifacts).toMatchObject({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
        expect(check.script.join('\n')).toContain('--format codequality --output gl-code-quality-report.json');
        for (const [, variable] of JSON.stringify(gitlab).matchAll(/\$\{?(CPOM_[A-Z_]+)/g)) {
            if (variable !== 'CPOM_GITLAB_TOKEN') expect(gitlab.variables, variable).toHaveProperty(variable);
        }
    });
});

describe('.pre-commit-hooks.yaml', () => {
    it('declares hooks pre-commit can run, on contracts and their configuration', () => {
        expect(hooks).toEqual(expect.any(Array));
        for (const hook of hooks) {
            expect(hook).toMatchObject({ id: expect.any(String), name: expect.any(String), entry: expect.stringMatching(/^cpom /), language: 'system' });
            const files = new RegExp(hook.files);
            for (const file of ['contrat.cpom', 'contrats/2024/ehpad.cpom', 'cpom.config.json', 'contrats/cpom.config.json']) expect(files.test(file), file).toBe(true);
            for (const file of ['contrat.cpom.bak', 'README.md', 'my-cpom.config.json']) expect(files.test(file), file).toBe(false);
        }
    });
});

describe('the pipelines run', () => {
    let cli: PackedCli;
    let temp: string;
    let origin: string;
    let mainSha: string;
    let env: NodeJS.ProcessEnv;

    const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'core.pager=cat', ...args], { cwd, env, encoding: 'utf8' }).trim();

    /** A fresh checkout of the pull request's head as actions/checkout leaves it: depth 1, detached, no base branch. */
    function checkout(): string {
        const workspace = mkdtempSync(path.join(temp, 'workspace-'));
        git(workspace, 'init', '-q');
        git(workspace, 'remote', 'add', 'origin', `file://${origin}`);
        git(workspace, 'fetch', '-q', '--depth=1', 'origin', 'feature');
        git(workspace, 'checkout', '-q', '--detach', 'FETCH_HEAD');
        return workspace;
    }

    /** A command standing in for a forge's CLI: logs its arguments and the files it is given (`@file`). */
    function fake(name: string, script: string): void {
        const file = path.join(temp, 'fake-bin', name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, `#!/usr/bin/env bash\nprintf '%s\\n' "$*" >> "$FAKE_LOG"\nfor arg in "$@"; do case "$arg" in *@*.md) cp "\${arg##*@}" "$FAKE_LOG.body";; esac; done\n${script}\n`);
        chmodSync(file, 0o755);
    }

    beforeAll(() => {
        cli = packAndInstall();
        temp = cli.dir;
        env = isolatedEnv({
            HOME: temp, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org',
            // The scripts install the packed cpom themselves: offline, into folders of the test.
            npm_config_offline: 'true', npm_config_cache: path.join(temp, 'npm-cache'), npm_config_update_notifier: 'false',
            PATH: [path.join(temp, 'fake-bin'), path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
            FAKE_LOG: path.join(temp, 'fake.log'),
        });
        fake('gh', 'case " $* " in *" --jq "*) [ -n "${FAKE_COMMENT_ID:-}" ] && echo "$FAKE_COMMENT_ID";; esac; echo "GH_TOKEN=$GH_TOKEN" >> "$FAKE_LOG"; exit 0');
        fake('curl', 'case " $* " in *" --request "*) ;; *) echo "${FAKE_NOTES:-[]}";; esac; exit 0');
        // origin: main holds the contract, feature amends it.
        origin = path.join(temp, 'origin.git');
        execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin], { env });
        const author = path.join(temp, 'author');
        mkdirSync(path.join(author, 'contrats'), { recursive: true });
        git(author, 'init', '-q', '-b', 'main');
        git(author, 'remote', 'add', 'origin', origin);
        writeFileSync(path.join(author, 'contrats/messidor.cpom'), SEED);
        git(author, 'add', '.');
        git(author, 'commit', '-qm', 'Contrat');
        git(author, 'push', '-q', 'origin', 'main');
        mainSha = git(author, 'rev-parse', 'HEAD');
        git(author, 'checkout', '-q', '-b', 'feature');
        writeFileSync(path.join(author, 'contrats/messidor.cpom'), AMENDED);
        git(author, 'commit', '-qam', 'Capacité de Gerland');
        git(author, 'push', '-q', 'origin', 'feature');
    }, 60_000);
    afterAll(() => cli?.remove());

    const fakeLog = () => (existsSync(env.FAKE_LOG!) ? readFileSync(env.FAKE_LOG!, 'utf8') : '');
    const resetFakes = () => rmSync(env.FAKE_LOG!, { force: true });

    it('GitHub Action: installs cpom, sends SARIF to code scanning, comments the diff on the pull request', () => {
        resetFakes();
        const workspace = checkout();
        const run = runAction({ inputs: { paths: 'contrats', package: cli.tarball }, workspace, env, temp });
        for (const step of run.steps.filter(s => s.ran)) expect(step.outcome, `${step.name}\n${step.log}`).toBe('success');
        expect(run.step('Install cpom').log).toContain(`cpom ${VERSION} installed from ${cli.tarball}`);
        expect(run.outputs['exit-code']).toBe('0');
        const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['contrats/messidor.cpom']);
        expect(run.step('Check the contracts').log).toContain('1 fichier vérifié');
        expect(run.step('Upload the findings to code scanning').with).toEqual({ sarif_file: run.outputs['sarif-file'], category: 'cpom' });
        // The diff: in the summary and as a new comment.
        expect(run.outputs.changes).toBe('true');
        expect(run.summary).toContain('## Changements des contrats (origin/main → HEAD)');
        expect(run.summary).toMatch(/\| capacité autorisée de «\s?ESAT MESSIDOR Lyon Gerland\s?» \| 39 places \| 45 places \|/u);
        const calls = fakeLog().split('\n');
        expect(calls).toContain('GH_TOKEN=ghs_fake');
        expect(calls.some(call => call.startsWith('api --method POST repos/owner/contrats/issues/7/comments -F body=@'))).toBe(true);
        expect(readFileSync(`${env.FAKE_LOG}.body`, 'utf8')).toBe(`${COMMENT_MARKER}\n${readFileSync(run.outputs['diff-file'], 'utf8')}`);
        expect(run.step('Fail on problems').ran).toBe(false);
    });

    it.each<{ case: string; inputs: Record<string, string>; fromFork: boolean }>([
        { case: 'sarif: false', inputs: { sarif: 'false' }, fromFork: false },
        { case: 'a pull request from a fork', inputs: {}, fromFork: true },
    ])('GitHub Action with $case: annotations instead of SARIF, the comment updated, the job failed on problems', ({ inputs, fromFork }) => {
        resetFakes();
        const workspace = checkout();
        writeFileSync(path.join(workspace, 'contrats/messidor.cpom'), BROKEN);
        const run = runAction({ inputs: { paths: 'contrats/*.cpom', package: cli.tarball, ...inputs }, workspace, env: { ...env, FAKE_COMMENT_ID: '42' }, temp, fromFork });
        expect(run.outputs['exit-code']).toBe('1');
        expect(run.step('Check the contracts').log).toMatch(/^::error file=contrats\/messidor\.cpom,line=\d+,.*CPOM041/m);
        expect(run.step('Upload the findings to code scanning').ran).toBe(false);
        expect(fakeLog().split('\n').some(call => call.startsWith('api --method PATCH repos/owner/contrats/issues/comments/42 -F body=@'))).toBe(true);
        expect(run.step('Fail on problems').outcome).toBe('failure');
    });

    it('GitHub Action: installs by default the cpom of its own version, and stops there when it cannot', () => {
        resetFakes();
        // npm stands in for the registry, which the tests do not reach.
        const npmDir = path.join(temp, 'fake-npm');
        mkdirSync(npmDir, { recursive: true });
        writeFileSync(path.join(npmDir, 'npm'), '#!/usr/bin/env bash\nprintf \'npm %s\\n\' "$*" >> "$FAKE_LOG"\necho "npm error 404 Not Found" >&2\nexit 1\n');
        chmodSync(path.join(npmDir, 'npm'), 0o755);
        const run = runAction({ inputs: {}, workspace: checkout(), env: { ...env, PATH: [npmDir, env.PATH].join(path.delimiter) }, temp });
        expect(fakeLog()).toMatch(new RegExp(`^npm install --prefix \\S+/cpom --no-audit --no-fund --loglevel=error cpom@${VERSION.replace(/\./g, '\\.')}$`, 'm'));
        expect(run.step('Install cpom').outcome).toBe('failure');
        expect(run.steps.filter(step => step.ran).map(step => step.name)).toEqual(['Install cpom']);
    });

    /** The GitLab runner's bash: one shell for before_script and script, -e -o pipefail. */
    function runGitlabJob(job: string, workspace: string, variables: Record<string, string>) {
        const script = [...gitlab['.cpom'].before_script, ...gitlab[job].script].join('\n');
        const prefix = path.join(temp, `npm-global-${job}`);
        const jobEnv = {
            ...env, ...gitlab.variables, ...variables, npm_config_prefix: prefix,
            PATH: [path.join(prefix, 'bin'), env.PATH].join(path.delimiter),
        };
        return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: workspace, env: jobEnv, encoding: 'utf8', timeout: 60_000 });
    }

    it('GitLab: cpom-check writes the Code Quality report and fails on problems', () => {
        const workspace = checkout();
        writeFileSync(path.join(workspace, 'contrats/casse.cpom'), BROKEN.replace(/CPOM_MESSIDOR_2013/g, 'CPOM_CASSE'));
        const run = runGitlabJob('cpom-check', workspace, { CPOM_PACKAGE: cli.tarball, CPOM_PATHS: 'contrats/*.cpom' });
        expect(run.status, run.stderr).toBe(1);
        expect(run.stdout).toContain('2 fichiers vérifiés');
        const issues = JSON.parse(readFileSync(path.join(workspace, 'gl-code-quality-report.json'), 'utf8'));
        expect(issues).toContainEqual(expect.objectContaining({ check_name: 'finess-key', severity: 'critical', location: expect.objectContaining({ path: 'contrats/casse.cpom' }) }));
    });

    it('GitLab: cpom-diff writes the diff of the merge request and posts it as a note', () => {
        resetFakes();
        const workspace = checkout();
        const run = runGitlabJob('cpom-diff', workspace, {
            CPOM_PACKAGE: cli.tarball, CI_MERGE_REQUEST_DIFF_BASE_SHA: mainSha, CPOM_GITLAB_TOKEN: 'glpat-fake',
            CI_API_V4_URL: 'https://gitlab.example/api/v4', CI_PROJECT_ID: '12', CI_MERGE_REQUEST_IID: '3',
        });
        expect(run.status, run.stderr).toBe(0);
        const diff = readFileSync(path.join(workspace, 'cpom-diff.md'), 'utf8');
        expect(diff).toMatch(/\| capacité autorisée de «\s?ESAT MESSIDOR Lyon Gerland\s?» \| 39 places \| 45 places \|/u);
        const calls = fakeLog().split('\n');
        expect(calls).toContain('--fail --silent --show-error --header PRIVATE-TOKEN: glpat-fake https://gitlab.example/api/v4/projects/12/merge_requests/3/notes?per_page=100&sort=asc');
        expect(calls.some(call => call.includes('--request POST') && call.endsWith('/projects/12/merge_requests/3/notes'))).toBe(true);
        expect(readFileSync(`${env.FAKE_LOG}.body`, 'utf8')).toBe(`${COMMENT_MARKER}\n${diff}`);
    });

    it('pre-commit: the cpom-check hook passes on a clean repository and fails on a broken contract', () => {
        const hook = hooks.find((h: { id: string }) => h.id === 'cpom-check');
        const workspace = checkout();
        const hookEnv = { ...env, PATH: [cli.binDir, env.PATH].join(path.delimiter) };
        // pre-commit runs `entry args…` (no file names: pass_filenames is false) at the repository's root.
        const run = () => spawnSync('bash', ['-c', `${hook.entry} "$@"`, 'hook', ...hook.args], { cwd: workspace, env: hookEnv, encoding: 'utf8' });
        expect(hook.pass_filenames).toBe(false);
        expect(run().status).toBe(0);
        writeFileSync(path.join(workspace, 'contrats/messidor.cpom'), BROKEN);
        const broken = run();
        expect(broken.status).toBe(1);
        expect(broken.stdout).toContain('CPOM041');
    });
});
