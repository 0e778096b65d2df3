/**
 * Rewriting user text character by character in linear time with a small constant. `String.prototype.replace`
 * with a global expression costs a few hundred nanoseconds per match, and a callback more: a name of 1.7 million
 * backslashes took over a second to escape for Markdown, each of the three times it was drawn, and a diagnostic
 * text of 1.5 million words as long to join on one line in the text diff (issue 9, fuzz seed 20261202). These
 * loops write code units into a buffer and turn it into a string 8,192 at a time; lone surrogates are kept.
 */
const CHUNK = 8192;
/** A slice or a repeat this long becomes a piece of its own rather than code units in the buffer. */
const LONG = 64;

export class TextWriter {
    private readonly buffer: Uint16Array;
    private length = 0;
    private readonly pieces: string[] = [];

    /** `expected`: about how long the result is (a short text gets a small buffer). */
    constructor(expected: number) {
        this.buffer = new Uint16Array(Math.max(16, Math.min(CHUNK, expected)));
    }

    unit(code: number): void {
        if (this.length === this.buffer.length) this.flush();
        this.buffer[this.length++] = code;
    }

    text(value: string): void {
        for (let i = 0; i < value.length; i++) this.unit(value.charCodeAt(i));
    }

    /** `source.slice(start, end)`, a long one without copying it unit by unit. */
    slice(source: string, start: number, end: number): void {
        if (end - start < LONG) {
            for (let i = start; i < end; i++) this.unit(source.charCodeAt(i));
            return;
        }
        this.flush();
        this.pieces.push(source.slice(start, end));
    }

    /** `value` `count` times (a long run of one character escaped: `\\*` a million times, in one native repeat). */
    repeat(value: string, count: number): void {
        if (count * value.length < LONG) {
            for (let i = 0; i < count; i++) this.text(value);
            return;
        }
        this.flush();
        this.pieces.push(value.repeat(count));
    }

    toString(): string {
        this.flush();
        return this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    }

    private flush(): void {
        if (this.length === 0) return;
        this.pieces.push(String.fromCharCode.apply(null, this.buffer.subarray(0, this.length) as unknown as number[]));
        this.length = 0;
    }
}
