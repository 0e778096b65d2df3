// Entry of the Node server bundle (dist/server/node.cjs): the connection comes from the process arguments
// (`--node-ipc` when started by the extension, `--stdio` for other clients).
import { startNodeServer } from '@cpom/server/node';

startNodeServer();
