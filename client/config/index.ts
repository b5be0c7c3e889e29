import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const repoRoot = path.resolve(__dirname, '..', '..');
const sharedDir = path.join(repoRoot, 'shared');

/** Must agree with the `paths` of the root tsconfig.json. */
const alias = {
  '@shared': path.join(sharedDir, 'src'),
  '@': path.resolve(__dirname, '..', 'src'),
};

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'coupon-desk',
    date: '2025-11-22',
    // NutUI is drawn on a 375 px canvas; our own styles on Taro's usual 750.
    designWidth(input) {
      const file = typeof input === 'object' ? (input.file ?? '') : '';
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Output lands in the repo's dist/, next to dist/cloudfunctions.
    // DIST_DIR (absolute) sends a build elsewhere, so parallel builds do not overwrite each other.
    outputRoot: `${process.env.DIST_DIR ?? '../dist'}/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.TCB_ENV ?? ''),
    },
    alias,
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      // Pages import NutUI components in different orders; every NutUI rule is scoped to its own
      // class, so the order of the extracted CSS does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedDir] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      // React + Taro's H5 runtime + NutUI exceed webpack's desktop-oriented 244 KiB hint; the
      // budgets that matter are the mini-program package limits (2 MB per package).
      webpackChain(chain) {
        chain.performance.maxEntrypointSize(600 * 1024).maxAssetSize(400 * 1024);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig);
});
