/** Types of lsp-soak.mjs, for tests/lsp-soak.test.ts. */
export interface SoakResult {
    lines: number;
    edits: number;
    hovers: number;
    hoverMs: number[];
    /** CPU time the server spent between each hover request and its answer (Linux), in ms. */
    hoverCpuMs: number[];
    /** Resident memory of the server at each checkpoint (bytes). */
    rss: number[];
    exited: boolean;
    stderr: string;
}
export function soak(options: { lines: number; edits: number; seed?: number; hoverEvery?: number; checkpoints?: number; log?: (line: string) => void }): Promise<SoakResult>;
export function rssGrowthMb(result: SoakResult): number;
