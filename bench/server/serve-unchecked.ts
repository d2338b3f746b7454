/**
 * @module Our sync server without the authorship check, for bench:server only: the difference to
 * `sync-server/cli/serve.ts` is what checking who each update writes as costs. Never for real use.
 */
import { loadConfigOrExit, runServer } from '../../sync-server/cli/runtime';

await runServer(loadConfigOrExit(), { checkAuthorship: false });
