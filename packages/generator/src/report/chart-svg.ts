/**
 * A small SVG line chart of one indicator: the contract's trajectory of targets (dashed line, baseline included)
 * and the values achieved so far (solid line with dots), years on the horizontal axis. Hand-written rather than
 * Vega-Lite: a chart here is at most a dozen points with two series, and Vega + Vega-Lite would add megabytes and
 * their start-up time to the CLI bundle for that (see ARCHITECTURE.md, library choices). Pure: no I/O, no browser;
 * every text goes through `escapeXml`, numbers are written in French.
 */
import { formatNumber } from '@cpom/language';

export interface ChartPoint {
    readonly year: number;
    readonly value: number;
}

export interface ChartInput {
    /** Baseline and written targets, in any order. */
    readonly targets: readonly ChartPoint[];
    readonly values: readonly ChartPoint[];
    /** The unit written after the numbers of the axis (`%`), when short. */
    readonly unit?: string;
    /** The year of the report, marked on the axis. */
    readonly year?: number;
    /** Accessible title of the picture. */
    readonly title: string;
}

export interface Chart {
    readonly svg: string;
    readonly width: number;
    readonly height: number;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escapes text for XML content and quoted attributes; drops the characters XML 1.0 forbids. */
export function escapeXml(value: string): string {
    // eslint-disable-next-line no-control-regex
    return (value ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, c => XML_ESCAPES[c]!);
}

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 58, right: 16, top: 16, bottom: 46 };
const TARGET_COLOUR = '#1f3a66';
const VALUE_COLOUR = '#b5472b';
const FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"';

/** Round bounds and a step of 1, 2 or 5 × 10^n giving about four intervals. */
function niceScale(min: number, max: number): { low: number; high: number; step: number } {
    if (min === max) {
        const pad = Math.abs(min) * 0.1 || 1;
        min -= pad;
        max += pad;
    }
    const raw = (max - min) / 4;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map(m => m * magnitude).find(s => s >= raw) ?? 10 * magnitude;
    return { low: Math.floor(min / step) * step, high: Math.ceil(max / step) * step, step };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function lineChart(input: ChartInput): Chart {
    const targets = [...input.targets].sort((a, b) => a.year - b.year);
    const values = [...input.values].sort((a, b) => a.year - b.year);
    const all = [...targets, ...values];
    const years = all.map(p => p.year).concat(input.year ?? []);
    const firstYear = Math.min(...years);
    const lastYear = Math.max(...years);
    const { low, high, step } = niceScale(Math.min(...all.map(p => p.value)), Math.max(...all.map(p => p.value)));
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const x = (year: number) => round(PAD.left + (lastYear === firstYear ? plotW / 2 : (year - firstYear) / (lastYear - firstYear) * plotW));
    const y = (value: number) => round(PAD.top + plotH - (value - low) / (high - low) * plotH);
    const unit = input.unit && input.unit.length <= 3 ? `\u202F${input.unit}` : '';
    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(input.title)}">`);
    out.push(`<title>${escapeXml(input.title)}</title>`);
    out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
    for (let v = low, n = 0; v <= high + step / 2 && n < 20; v += step, n++) {
        const yy = y(v);
        out.push(`<line x1="${PAD.left}" y1="${yy}" x2="${WIDTH - PAD.right}" y2="${yy}" stroke="#dddddd" stroke-width="1"/>`);
        out.push(`<text x="${PAD.left - 6}" y="${round(yy + 4)}" text-anchor="end" font-size="11" fill="#444444" ${FONT}>${escapeXml(formatNumber(Math.round(v * 1000) / 1000) + unit)}</text>`);
    }
    for (let year = firstYear; year <= lastYear && year - firstYear < 30; year++) {
        const weight = year === input.year ? ' font-weight="bold"' : '';
        out.push(`<text x="${x(year)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#444444"${weight} ${FONT}>${year}</text>`);
    }
    out.push(`<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}" stroke="#888888" stroke-width="1"/>`);
    const path = (points: readonly ChartPoint[]) => points.map(p => `${x(p.year)},${y(p.value)}`).join(' ');
    if (targets.length > 1) {
        out.push(`<polyline points="${path(targets)}" fill="none" stroke="${TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>`);
    }
    for (const p of targets) out.push(`<rect x="${x(p.year) - 3.5}" y="${y(p.value) - 3.5}" width="7" height="7" fill="#ffffff" stroke="${TARGET_COLOUR}" stroke-width="1.5"/>`);
    if (values.length > 1) out.push(`<polyline points="${path(values)}" fill="none" stroke="${VALUE_COLOUR}" stroke-width="2.5"/>`);
    for (const p of values) out.push(`<circle cx="${x(p.year)}" cy="${y(p.value)}" r="4.5" fill="${VALUE_COLOUR}"/>`);
    // Legend under the axis.
    const ly = HEIGHT - 10;
    out.push(`<line x1="${PAD.left}" y1="${ly - 4}" x2="${PAD.left + 28}" y2="${ly - 4}" stroke="${TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${PAD.left + 34}" y="${ly}" font-size="11" fill="#222222" ${FONT}>Trajectoire du contrat (cibles)</text>`);
    out.push(`<line x1="${PAD.left + 230}" y1="${ly - 4}" x2="${PAD.left + 258}" y2="${ly - 4}" stroke="${VALUE_COLOUR}" stroke-width="2.5"/>`);
    out.push(`<circle cx="${PAD.left + 244}" cy="${ly - 4}" r="4" fill="${VALUE_COLOUR}"/>`);
    out.push(`<text x="${PAD.left + 264}" y="${ly}" font-size="11" fill="#222222" ${FONT}>Valeurs réalisées</text>`);
    out.push('</svg>');
    return { svg: out.join('\n'), width: WIDTH, height: HEIGHT };
}
