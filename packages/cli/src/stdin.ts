/**
 * A contract given on the standard input (`cpom check -`, `cpom fmt -`), as ESLint and Prettier take one:
 * `--stdin-filename PATH` says where it lives — the name in messages, the folder its imports and its
 * cpom.config.json are looked up from (a file at that path is replaced by the input, as in an editor).
 * Without it, the input lives in the working directory under the name `<stdin>`.
 */
import * as path from 'node:path';
import type { CommandIO } from './check.js';
import { UsageError } from './errors.js';
import { type ContractSource, diskSource } from './workspace.js';
import { strictUtf8, withoutUtf8Bom } from './utf8-bom.js';

/** The operand that names the standard input. */
export const STDIN_OPERAND = '-';

export interface StdinContract {
    /** Absolute path the input stands for. */
    readonly path: string;
    /** Its name in messages. */
    readonly shown: string;
    readonly text: string;
    /** The input as UTF-8 bytes, for the loader. */
    readonly bytes: Uint8Array;
}

/** The input as text; a UsageError saying where when it is not valid UTF-8 (a byte order mark is dropped). */
export function decodeStdin(bytes: Uint8Array): string {
    const body = withoutUtf8Bom(bytes);
    try {
        return strictUtf8().decode(body);
    } catch {
        const offset = firstInvalidUtf8(body);
        throw new UsageError({
            fr: `l'entrée standard n'est pas en UTF-8 valide (octet 0x${body[offset].toString(16).padStart(2, '0')} à la position ${offset}) : convertissez-la en UTF-8`,
            en: `the standard input is not valid UTF-8 (byte 0x${body[offset].toString(16).padStart(2, '0')} at offset ${offset}): convert it to UTF-8`,
        });
    }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
    let low = 0;
    let high = bytes.length;
    // The longest prefix that decodes, by bisection: with `stream`, a sequence cut at the end is not an error, so the
    // prefixes that decode are exactly those before the first invalid byte.
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        let valid = true;
        try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
        } catch {
            valid = false;
        }
        if (valid) low = middle;
        else high = middle - 1;
    }
    // The prefix may end with the first bytes of the broken sequence: it starts after the last whole character.
    const whole = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, low), { stream: true });
    return Math.min(Buffer.byteLength(whole, 'utf8'), bytes.length - 1);
}

/** Reads the whole standard input as a contract placed at `stdinFilename` (see above). */
export async function readStdinContract(io: Pick<CommandIO, 'cwd' | 'stdin'>, stdinFilename: string | undefined): Promise<StdinContract> {
    if (!io.stdin) throw new UsageError({ fr: 'pas d\'entrée standard', en: 'no standard input' });
    const text = decodeStdin(await io.stdin());
    const absolute = path.resolve(io.cwd, stdinFilename ?? '<stdin>.cpom');
    const shown = stdinFilename ? path.relative(io.cwd, absolute).split(path.sep).join('/') || stdinFilename : '<stdin>';
    return { path: absolute, shown, text, bytes: Buffer.from(text, 'utf8') };
}

/** The disk, with the input in place of the file it stands for. */
export function stdinSource(input: StdinContract): ContractSource {
    return {
        read: file => {
            return file === input.path ? input.bytes : diskSource.read(file);
        },
    };
}

/** `-` alone, or no `-`; `--stdin-filename` only with `-`. Returns whether the input is the standard input. */
export function usesStdin(paths: readonly string[], stdinFilename: string | undefined): boolean {
    const stdin = paths.includes(STDIN_OPERAND);
    if (stdin && paths.length > 1) {
        throw new UsageError({ fr: '« - » (l\'entrée standard) s\'emploie seul, sans autre chemin', en: "'-' (the standard input) goes alone, without other paths" });
    }
    if (!stdin && stdinFilename !== undefined) {
        throw new UsageError({ fr: '--stdin-filename s\'emploie avec « - » (l\'entrée standard)', en: "--stdin-filename goes with '-' (the standard input)" });
    }
    return stdin;
}
