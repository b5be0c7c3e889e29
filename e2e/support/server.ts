import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, startGateway, type GatewayProcess } from '../../cloudfunctions/test/support/gateway-process';

export { ROOT };

export interface RunningServer extends GatewayProcess {
  dataDir: string;
}

/**
 * Starts the very server `npm start` runs (dist/server/gateway.js serving dist/h5) on a free port
 * over a fresh SQLite folder, and waits until it answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(join(DIST, 'h5', 'index.html'))) {
    throw new Error(`${DIST}/h5 is missing: run \`npm run build\` (npm test builds it first)`);
  }
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'coupon-desk-e2e-'));
  return { ...(await startGateway(dataDir, { staticDir: join(DIST, 'h5'), env })), dataDir };
}
