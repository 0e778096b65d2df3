// `langium generate` (langium-cli 4.2.1, pinned with the runtime), runnable on Node 24. The CLI validates
// langium-config.json against a schema without `$id`; its validator (jsonschema 1.5) then resolves the schema's
// `$ref`s against the base URL 'thismessage::/', which Node 24's URL parser rejects ("Invalid URL") where Node 22's
// accepted it. langium-cli 4.4 gives its schema an `$id`; until the toolchain moves to it, this build step alone
// reads that base as the equivalent 'thismessage:/'. Options as `langium generate`: [-f FILE] [-m MODE].
import { parseArgs } from 'node:util';

const NativeURL = globalThis.URL;
globalThis.URL = class URL extends NativeURL {
    constructor(input, base) {
        super(input, base === 'thismessage::/' ? 'thismessage:/' : base);
    }
};

const { values } = parseArgs({ options: { file: { type: 'string', short: 'f' }, mode: { type: 'string', short: 'm' } } });
const { generate } = await import('langium-cli');
try {
    process.exitCode = (await generate({ file: values.file, mode: values.mode, watch: false })) ? 0 : 2;
} catch (error) {
    console.error(error);
    process.exitCode = 1;
}
