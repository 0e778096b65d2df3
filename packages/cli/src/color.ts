/**
 * Whether the human output is coloured, by order of precedence:
 *
 * 1. `--no-color` on the command line: no colours (the most specific request wins);
 * 2. `FORCE_COLOR`, read as supports-color reads it: `0` or `false` disables; `1`, `2`, `3`, `true`, an empty value
 *    (or any other) enables, even when the output is not a terminal (CI logs);
 * 3. `NO_COLOR` set to anything but the empty string (no-color.org): no colours;
 * 4. otherwise colours when the output is a terminal, other than `TERM=dumb`.
 */
export function colorWanted(flag: boolean, isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
    if (!flag) return false;
    const force = env.FORCE_COLOR;
    if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    return isTTY === true && env.TERM !== 'dumb';
}
