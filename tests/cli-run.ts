/** Runs the CLI in process (`main(argv, io)`) with captured output: what every CLI test file calls. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CommandIO } from '../packages/cli/src/check.js';
import { main } from '../packages/cli/src/main.js';

export interface CliRun { code: number; stdout: string; stderr: string }

export async function runCpom(args: string[], cwd: string): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { cwd, stdout: t => { stdout += t; }, stderr: t => { stderr += t; }, version: '0.0.0-test' };
    const code = await main(args, io);
    return { code, stdout, stderr };
}

/** Writes `text` at `name` under `dir` (folders made as needed) and returns the file's path. */
export function writeUnder(dir: string, name: string, text: string): string {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
}
