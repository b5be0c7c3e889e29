import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * The size and first-screen baseline: a bare Taro 4.2 React app built with the project's own
 * installed versions and the same compiler settings as client/config/index.ts (webpack5, no
 * prebundle, no cache). Output: BENCH_BARE_OUT (absolute), never inside the repository.
 */
export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'bare-template',
    date: '2025-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `${process.env.BENCH_BARE_OUT ?? '/tmp/coupon-desk-bare'}/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: { pxtransform: { enable: true, config: {} } },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      postcss: { autoprefixer: { enable: true, config: {} } },
    },
  };
  return config;
});
