// `npm start`: install what is missing, build the functions, the gateway and the H5 client, then
// serve everything from one Node process on the embedded SQLite store with demo data.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDeps, ROOT } from './lib.mjs';

ensureDeps();
const { buildFunctions, buildClient } = await import('./build.mjs');
await buildFunctions();
if (process.env.SKIP_CLIENT_BUILD !== '1') buildClient('h5');

const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'dist', 'server', 'gateway.js')], { stdio: 'inherit', cwd: ROOT });
// Ctrl-C reaches the whole process group; the gateway closes itself cleanly and we exit with it.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
