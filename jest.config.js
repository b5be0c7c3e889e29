/**
 * One jest run, several projects: node-side tests (shared, functions, gateway), client component
 * tests in jsdom, the compiled weapp in miniprogram-simulate, and the browser tests in Chromium.
 */
const nodeBabel = ['babel-jest', {
  configFile: false,
  babelrc: false,
  presets: [['@babel/preset-env', { targets: { node: '20' } }], '@babel/preset-typescript'],
}];

const moduleNameMapper = { '^@shared/(.*)$': '<rootDir>/shared/src/$1' };

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/shared', '<rootDir>/cloudfunctions', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      transform: { '\\.[jt]sx?$': nodeBabel, '\\.m?js$': nodeBabel },
      // A few of fastify's dependencies now ship ESM only; jest (CommonJS on Node 20) needs them compiled.
      transformIgnorePatterns: ['/node_modules/(?!(cookie|content-disposition)/)'],
      moduleNameMapper,
      setupFilesAfterEnv: ['<rootDir>/cloudfunctions/test/support/setup.ts'],
    },
    '<rootDir>/client/test/jest.client.config.js',
    '<rootDir>/client/test/jest.weapp.config.js',
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/e2e'],
      testMatch: ['**/*.e2e.ts'],
      transform: { '\\.[jt]sx?$': nodeBabel },
      moduleNameMapper,
      setupFilesAfterEnv: ['<rootDir>/e2e/support/setup.ts'],
    },
  ],
};
