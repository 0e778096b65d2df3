/**
 * A short LSP soak (tests/soak/lsp-soak.mjs; `npm run soak` is the long one): 300 random edits of a ~300-line
 * contract sent to the bundled server, a hover every 10 edits. The server stays up, answers every hover, and its
 * memory does not run away. Times are not asserted here (the soak script reports them); a frozen server fails
 * through the soak's one-minute bound on every awaited answer.
 */
import { describe, expect, it } from 'vitest';
import { rssGrowthMb, soak } from './soak/lsp-soak.mjs';

describe('cpom lsp --stdio under 300 random edits', () => {
    it('stays up, answers every hover, keeps its memory bounded', async () => {
        const result = await soak({ lines: 300, edits: 300, seed: 1, hoverEvery: 10 });
        expect(result.exited, result.stderr).toBe(false);
        expect(result.edits).toBe(300);
        expect(result.hovers).toBe(30);
        expect(result.hoverMs).toHaveLength(30);
        // Generous: a leak of the kind a soak is for (documents, builds or caches kept per edit) grows by far more.
        expect(rssGrowthMb(result)).toBeLessThan(150);
    }, 300_000);
});
