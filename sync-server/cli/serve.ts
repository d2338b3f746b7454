/**
 * @module `npm run server`: the sync server, configured from the environment (see config.ts).
 * Logs JSON lines on stdout; the `listening` line carries the bound port (useful with PORT=0).
 */
import { loadConfigOrExit, runServer } from './runtime';

await runServer(loadConfigOrExit());
