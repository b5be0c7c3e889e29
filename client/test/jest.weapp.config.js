/**
 * The compiled mini-program (dist/weapp) in miniprogram-simulate (j-component + the official
 * `wcc` template compiler), under jsdom. Needs `npx taro build --type weapp` first.
 * Run alone: npx jest -c client/test/jest.weapp.config.js
 */
const path = require('path');

const rootDir = path.resolve(__dirname, '../..');

module.exports = {
  displayName: 'weapp',
  rootDir,
  testEnvironment: 'jsdom',
  // Taro's runtime and NutUI are heavy to load; leave room on a busy 2-core machine.
  testTimeout: 30000,
  testMatch: ['<rootDir>/client/test/weapp/**/*.test.ts'],
  transform: {
    '\\.tsx?$': ['babel-jest', {
      configFile: false,
      babelrc: false,
      presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
    }],
  },
  // The build output is already what WeChat runs: load it as is (and fast).
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/src/$1' },
};
