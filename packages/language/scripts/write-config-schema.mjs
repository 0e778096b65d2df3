// Writes schemas/cpom-config.schema.json, the JSON Schema of cpom.config.json, from the catalogue (built package:
// run `npm run build` first). tests/config-schema.test.ts fails when the file is out of date.
// Usage: node packages/language/scripts/write-config-schema.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../dist/index.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schemas/cpom-config.schema.json');
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`written: ${path.relative(process.cwd(), target)}`);
