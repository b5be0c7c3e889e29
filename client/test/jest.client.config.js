/**
 * Client components and pages in jsdom, compiled the way Taro's H5 build sees them
 * (TOOLCHAIN.md "Tests"). Run alone: npx jest -c client/test/jest.client.config.js
 */
const path = require('path');

const rootDir = path.resolve(__dirname, '../..');
const definition = require('@tarojs/plugin-platform-h5/dist/definition.json');

// ESM-only packages under node_modules that must go through Babel too.
const ESM_PACKAGES = [
  '@tarojs', '@stencil', '@nutui', '@swc/helpers', 'swiper', 'ssr-window', 'dom7', 'query-string', 'decode-uri-component',
  'split-on-first', 'filter-obj', 'nanoid', 'lodash-es', 'classnames', 'react-fast-compare', 'zod', 'dayjs',
];
const allowed = ESM_PACKAGES.map((p) => p.replace(/[/.]/g, (c) => `\\${c}`)).join('|');

module.exports = {
  displayName: 'client',
  rootDir,
  testEnvironment: 'jsdom',
  // Taro's runtime and NutUI are heavy to load; leave room on a busy 2-core machine.
  testTimeout: 30000,
  testMatch: ['<rootDir>/client/test/components/**/*.test.tsx'],
  setupFiles: ['<rootDir>/client/test/setup.client.js'],
  setupFilesAfterEnv: ['<rootDir>/client/test/setup.client.after.js'],
  transform: {
    '\\.[cm]?[jt]sx?$': ['babel-jest', {
      configFile: false,
      babelrc: false,
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
      // `Taro.request(…)` → the H5 implementation's named export, as the H5 build does.
      plugins: [
        ['babel-plugin-transform-taroapi', { packageName: '@tarojs/taro', definition }],
        // Per-component NutUI imports, as client/babel.config.js does for the build (the barrel
        // would also load lottie, which needs a canvas). Styles are not needed here.
        ['import', {
          libraryName: '@nutui/nutui-react-taro',
          camel2DashComponentName: false,
          customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
          style: false,
        }, 'nutui-react-taro'],
      ],
    }],
  },
  // Skip node_modules except those packages, including what they nest (Taro ships pnpm-nested
  // ESM copies of tslib and style-inject inside its own dist folders).
  transformIgnorePatterns: [`^(?!.*/node_modules/(?:${allowed})/).*/node_modules/`],
  moduleNameMapper: {
    '^@tarojs/taro$': '@tarojs/plugin-platform-h5/dist/runtime/apis',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    // Its `main` is a UMD bundle; the app (and the Taro build) use the ES modules.
    '^@nutui/icons-react-taro$': '@nutui/icons-react-taro/dist/es/index.es.js',
    '^@shared/(.*)$': '<rootDir>/shared/src/$1',
    '^@/(.*)$': '<rootDir>/client/src/$1',
    '\\.(css|scss|sass|less)$': '<rootDir>/client/test/style-stub.js',
  },
};
