/** Name and version written in the `generator` block of every export (kept equal to package.json by a test). */
export const GENERATOR_NAME = '@cpom/generator';
export const GENERATOR_VERSION = '0.1.0';
