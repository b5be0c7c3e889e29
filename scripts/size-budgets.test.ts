/**
 * Size budgets (bench/budgets.json), checked on every `npm test`: sizes are deterministic, so
 * unlike the timings of `npm run bench` they can gate a change. Reads the weapp output and the
 * function bundles that `npm test` has just built (DIST_DIR, else dist/), and the bare Taro
 * template's weapp build (built once into the temp folder, reused while nothing it depends on changes).
 */
import { join } from 'node:path';
import { bareWeappCached } from '../bench/lib/bare';
import { distDir, functionBundleSizes, kb, loadBudgets, WECHAT_PACKAGE_MAX, WECHAT_TOTAL_MAX, weappSizes } from '../bench/lib/sizes';

jest.setTimeout(300_000);

const budgets = loadBudgets();
const dist = distDir();

describe('size budgets (bench/budgets.json)', () => {
  it('the weapp main package is ≤ 1.5 × the bare Taro template and ≤ 600 KB', () => {
    const app = weappSizes(join(dist, 'weapp'));
    const bare = weappSizes(bareWeappCached());
    const { maxRatioToBareTemplate, maxBytes } = budgets.weappMainPackage;
    const ratio = app.main.bytes / bare.main.bytes;
    const report = `main package ${kb(app.main.bytes)} (JS ${kb(app.main.jsBytes)}) = ${ratio.toFixed(2)} × bare template ${kb(bare.main.bytes)} (JS ${kb(bare.main.jsBytes)}); budget ≤ ${maxRatioToBareTemplate} × (${kb(bare.main.bytes * maxRatioToBareTemplate)}) and ≤ ${kb(maxBytes)}`;
    const over: string[] = [];
    if (ratio > maxRatioToBareTemplate) over.push(`ratio ${ratio.toFixed(2)} > ${maxRatioToBareTemplate}`);
    if (app.main.bytes > maxBytes) over.push(`${kb(app.main.bytes)} > ${kb(maxBytes)}`);
    expect({ report, over }).toEqual({ report, over: [] });
  });

  it('every package fits WeChat: each ≤ 2 MB, all together ≤ 20 MB', () => {
    const app = weappSizes(join(dist, 'weapp'));
    const packageMax = Math.min(budgets.weappPackage.maxBytes, WECHAT_PACKAGE_MAX);
    const totalMax = Math.min(budgets.weappTotal.maxBytes, WECHAT_TOTAL_MAX);
    const packages = [{ root: '(main)', bytes: app.main.bytes }, ...app.subpackages];
    const over = packages.filter((p) => p.bytes > packageMax).map((p) => `${p.root}: ${kb(p.bytes)} > ${kb(packageMax)}`);
    if (app.total > totalMax) over.push(`total ${kb(app.total)} > ${kb(totalMax)}`);
    expect(over).toEqual([]);
    expect(app.subpackages.length).toBeGreaterThan(0);
  });

  it('every cloud function bundle is ≤ 300 KB', () => {
    const bundles = functionBundleSizes(join(dist, 'cloudfunctions'));
    expect(bundles.length).toBeGreaterThan(0);
    const over = bundles.filter((b) => b.bytes > budgets.functionBundle.maxBytes).map((b) => `${b.name}: ${kb(b.bytes)} > ${kb(budgets.functionBundle.maxBytes)}`);
    expect(over).toEqual([]);
  });
});
