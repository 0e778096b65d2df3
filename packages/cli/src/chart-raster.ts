/**
 * Charts as PNG for the DOCX (Word shows the SVG, older readers its PNG fallback): resvg compiled to WebAssembly
 * (@resvg/resvg-wasm), so no native build and no browser. WebAssembly cannot read the system's fonts by itself:
 * the first sans-serif font found among the usual Debian/Ubuntu, Fedora, macOS and Windows paths is given to it.
 * Without the WebAssembly file or without a font, there is no rasteriser: the DOCX then gives
 * each chart as its data table, and the command says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const FONT_CANDIDATES: ReadonlyArray<readonly [path: string, family: string]> = [
    ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'DejaVu Sans'],
    ['/usr/share/fonts/dejavu/DejaVuSans.ttf', 'DejaVu Sans'],
    ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', 'Liberation Sans'],
    ['/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf', 'Liberation Sans'],
    ['/Library/Fonts/Arial.ttf', 'Arial'],
    ['/System/Library/Fonts/Supplemental/Arial.ttf', 'Arial'],
    ['C:\\Windows\\Fonts\\arial.ttf', 'Arial'],
];

export type Rasterise = (svg: string, width: number) => Uint8Array | undefined;

let loaded: Promise<Rasterise | undefined> | undefined;

/** The rasteriser, or undefined with the reason when resvg or a font is missing. */
export function loadRasteriser(): Promise<Rasterise | undefined> {
    loaded ??= load().catch(() => undefined);
    return loaded;
}

/** The bundle's copy (dist/bundle/resvg.wasm, beside main.js or one folder up from a chunk), else the npm package's. */
function readWasm(): Uint8Array | undefined {
    const candidates = [
        () => fileURLToPath(new URL('./resvg.wasm', import.meta.url)),
        () => fileURLToPath(new URL('../resvg.wasm', import.meta.url)),
        () => createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'),
    ];
    for (const candidate of candidates) {
        try {
            const file = candidate();
            if (existsSync(file)) return readFileSync(file);
        } catch {
            // not resolvable from here: try the next place
        }
    }
    return undefined;
}

async function load(): Promise<Rasterise | undefined> {
    const font = FONT_CANDIDATES.find(([file]) => existsSync(file));
    if (!font) return undefined;
    const wasm = readWasm();
    if (!wasm) return undefined;
    await initWasm(wasm);
    const [file, family] = font;
    const fontBuffers = [new Uint8Array(readFileSync(file))];
    return (svg, width) => {
        const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { fontBuffers, defaultFontFamily: family, sansSerifFamily: family } });
        try {
            return resvg.render().asPng();
        } finally {
            resvg.free();
        }
    };
}
