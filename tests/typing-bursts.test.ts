/**
 * When the server hands a change to Langium (packages/server/src/typing-bursts.ts): at once when the document is
 * built; during a build, once that build is over and the keys have paused — never cancelling the build under way,
 * which starved the document (and the hovers waiting for it) while keys came slower than the pause.
 */
import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILD_WAIT_MS, BURST_QUIET_MS, type ChangeEvent, TypingBursts } from '../packages/server/src/typing-bursts.js';

const URI_TEXT = 'file:///contrat.cpom';

function setUp() {
    const document = { state: DocumentState.Validated };
    const built: number[] = [];
    const build = (event: ChangeEvent) => { built.push(event.document.version); document.state = DocumentState.Changed; };
    const bursts = new TypingBursts({ workspace: { LangiumDocuments: { getDocument: () => document } } } as unknown as LangiumSharedCoreServices);
    const change = (version: number) => bursts.change({ document: { uri: URI_TEXT, version } } as ChangeEvent, build);
    return { document, built, bursts, change };
}

describe('typing bursts', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('builds a change at once when the document is built', () => {
        const { built, change } = setUp();
        change(2);
        expect(built).toEqual([2]);
    });

    it('keys slower than the pause during a long build: no build is cancelled, the last text is built when it ends', () => {
        const { document, built, change } = setUp();
        change(2); // build of version 2 starts and takes 1 s
        for (let version = 3; version <= 10; version++) {
            vi.advanceTimersByTime(BURST_QUIET_MS + 40); // a key every 100 ms
            change(version);
        }
        vi.advanceTimersByTime(BURST_QUIET_MS + 40);
        expect(built).toEqual([2]); // still building version 2: not cancelled by versions 3…10
        document.state = DocumentState.Validated; // version 2 built, its diagnostics shown and hovers answered
        vi.advanceTimersByTime(BURST_QUIET_MS);
        expect(built).toEqual([2, 10]);
    });

    it('builds anyway when the build under way never ends (cancelled by another write)', () => {
        const { built, change } = setUp();
        change(2);
        change(3);
        vi.advanceTimersByTime(BUILD_WAIT_MS + BURST_QUIET_MS);
        expect(built).toEqual([2, 3]);
    });

    it('hands a pending change over at once to a full check (save), and once only', () => {
        const { document, built, bursts, change } = setUp();
        change(2);
        change(3);
        bursts.handOver(URI_TEXT);
        expect(built).toEqual([2, 3]);
        document.state = DocumentState.Validated;
        vi.advanceTimersByTime(BUILD_WAIT_MS * 2);
        expect(built).toEqual([2, 3]);
    });

    it('a request waiting for the text: handed over when the build under way ends, without waiting for the keys to pause', async () => {
        const { document, built, bursts, change } = setUp();
        change(2);
        change(3);
        let handed = false;
        void bursts.whenHandedOver(URI_TEXT).then(() => { handed = true; });
        for (let version = 4; version <= 6; version++) {
            vi.advanceTimersByTime(BURST_QUIET_MS / 2); // keys faster than the pause
            change(version);
        }
        document.state = DocumentState.Validated; // the build of version 2 ends
        vi.advanceTimersByTime(BURST_QUIET_MS);
        await Promise.resolve();
        expect(built).toEqual([2, 6]);
        expect(handed).toBe(true);
    });

    it('a document below Validated that no build is bringing there (loaded for an import): its change is built at once', () => {
        const document = { state: DocumentState.Parsed };
        const built: number[] = [];
        const bursts = new TypingBursts({
            workspace: { LangiumDocuments: { getDocument: () => document }, DocumentBuilder: { building: false } },
        } as unknown as LangiumSharedCoreServices);
        bursts.change({ document: { uri: URI_TEXT, version: 2 } } as ChangeEvent, event => built.push(event.document.version));
        expect(built).toEqual([2]);
    });
});
