// Entry of the browser server bundle (dist/server/browser.js), run in a dedicated web worker by the extension.
import { startBrowserServer } from '@cpom/server/browser';

startBrowserServer();
