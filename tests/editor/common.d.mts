/** Types of the part of common.mjs that tests/extension.test.ts uses. */
export const ROOT: string;
export const CHROMIUM: string;
export const CODE_SERVER: string;
export const OUTPUT: string;
export const SCREENSHOTS: string;
export function isPng(file: string): boolean;
