export * from './model.js';
export * from './build-follow-up-report.js';
export { lineChart, escapeXml, type Chart, type ChartInput, type ChartPoint } from './chart-svg.js';
export * from './render-html.js';
export * from './render-markdown.js';
export * from './render-docx.js';
