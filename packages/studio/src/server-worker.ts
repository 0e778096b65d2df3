// Entry of the studio's language server (dist/server-worker.js): the same browser server as VS Code for the web.
import { startBrowserServer } from '@cpom/server/browser';

startBrowserServer();
