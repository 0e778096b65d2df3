/**
 * `cpom studio`: serves the studio (a static web application, built into the package's `studio/` folder) on
 * 127.0.0.1 and opens the browser. Only the studio's own files are served, read-only; the contracts stay in the
 * browser, which reads and writes them itself. Stops on Ctrl+C (SIGINT) or SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { CommandIO } from './check.js';
import { CLI_PACKAGE_DIR } from './install-paths.js';
import { UsageError, reportFailure } from './errors.js';

export interface StudioOptions {
    readonly port?: string;
    readonly open?: boolean;
}

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.map': 'application/json',
    '.txt': 'text/plain; charset=utf-8',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
};

/** The built studio: `studio/` in the installed package, else the repository's `packages/studio/dist/`. */
export function studioDir(): string | undefined {
    for (const dir of [path.join(CLI_PACKAGE_DIR, 'studio'), path.resolve(CLI_PACKAGE_DIR, '../studio/dist')]) {
        if (existsSync(path.join(dir, 'index.html'))) return dir;
    }
    return undefined;
}

function parsePort(text: string | undefined): number {
    if (text === undefined) return 0;
    const port = Number(text);
    if (!/^\d+$/.test(text) || port > 65535) {
        throw new UsageError({ fr: `port impossible : « ${text} » (un entier de 0 à 65535 est attendu ; 0 : un port libre)`, en: `invalid port '${text}' (expected an integer from 0 to 65535; 0: any free port)` });
    }
    return port;
}

/** A request path mapped inside `root`, or undefined when it would leave it. */
function fileFor(root: string, url: string): string | undefined {
    let pathname: string;
    try {
        pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
    } catch {
        return undefined;
    }
    const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

export function serveStudio(root: string, port: number): Promise<Server> {
    const server = createServer((request, response) => {
        const file = request.method === 'GET' || request.method === 'HEAD' ? fileFor(root, request.url ?? '/') : undefined;
        let body: Buffer | undefined;
        try {
            body = file ? readFileSync(file) : undefined;
        } catch {
            body = undefined;
        }
        if (!file || !body) {
            response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable.\n');
            return;
        }
        response.writeHead(200, {
            'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-cache',
            'x-content-type-options': 'nosniff',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve(server));
    });
}

function openBrowser(url: string): void {
    const [command, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]]
        : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no browser launcher: the address is printed anyway
    child.unref();
}

export async function runStudio(options: StudioOptions, io: CommandIO): Promise<number> {
    const fr = (io.locale ?? 'fr') === 'fr';
    try {
        const root = studioDir();
        if (!root) {
            throw new UsageError({ fr: 'le studio n\'est pas construit : lancez `npm run build:studio`', en: 'the studio is not built: run `npm run build:studio`' });
        }
        const server = await serveStudio(root, parsePort(options.port));
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        io.stdout(fr ? `Studio CPOM : ${url}\nArrêt : Ctrl+C\n` : `CPOM studio: ${url}\nStop: Ctrl+C\n`);
        if (options.open !== false) openBrowser(url);
        await new Promise<void>(resolve => {
            const stop = () => server.close(() => resolve());
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
        });
        return 0;
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            io.stderr(fr ? `cpom: le port ${options.port} est déjà pris : choisissez-en un autre avec --port\n` : `cpom: port ${options.port} is already in use: choose another one with --port\n`);
            return 2;
        }
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}
