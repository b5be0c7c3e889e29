/** The built local gateway (DIST/server/gateway.js, what `npm start` runs) in its own process. */
import { startGateway as spawnGateway, type GatewayProcess } from '../../cloudfunctions/test/support/gateway-process';

export const SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123';

export type Gateway = GatewayProcess;

/** `nodeArgs`: extra node flags for the gateway process, e.g. `--cpu-prof` to profile it under load. */
export function startGateway(opts: { dataDir: string; staticDir?: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<Gateway> {
  return spawnGateway(opts.dataDir, { staticDir: opts.staticDir, nodeArgs: opts.nodeArgs, env: { SESSION_SECRET, ...opts.env } });
}

export async function setClock(url: string, now: string | null): Promise<void> {
  const r = await fetch(`${url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!r.ok) throw new Error(`POST /api/dev/clock: ${r.status} ${await r.text()}`);
}
