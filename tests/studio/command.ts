/** Runs `cpom studio --no-open --port 0` as a child process and reads the address it prints. */
import { spawn } from 'node:child_process';

/** Starts `cpom studio` (the bundle, as users run it) in `cwd`; resolves with its address once printed. */
export function startStudioCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
    const child = spawn(command, [...args, 'studio', '--no-open', '--port', '0'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', chunk => {
            output += String(chunk);
            const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
            if (found) resolve(found[0]);
        });
        child.stderr.on('data', chunk => { output += String(chunk); });
        void exited.then(code => reject(new Error(`cpom studio exited (${code}) before serving: ${output}`)));
    });
    return { child, url, exited, output: () => output };
}
