/**
 * 4. Mini-program size: the weapp build's main package and each subpackage, against the bare
 * Taro template's weapp build (same versions, built in the same run).
 * Usage: node --import tsx bench/sizes.bench.ts --out result.json --bare-weapp <dir>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, WECHAT_PACKAGE_MAX, WECHAT_TOTAL_MAX, weappSizes } from './lib/sizes';
import { arg, outPath } from './lib/stats';

const bareDir = arg('bare-weapp');
if (!bareDir) throw new Error('--bare-weapp <dir> is required');
writeFileSync(outPath(), JSON.stringify({
  app: weappSizes(join(distDir(), 'weapp')),
  bare: weappSizes(bareDir),
  wechat: { packageMax: WECHAT_PACKAGE_MAX, totalMax: WECHAT_TOTAL_MAX },
}, null, 2));
