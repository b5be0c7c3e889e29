// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
const NUTUI = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    // Per-component JS + CSS instead of the whole library (TOOLCHAIN.md: the documented
    // `dist/esm` path does not exist in 3.0.20, hence customName / customStyleName).
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${NUTUI}/${name.toLowerCase()}`,
        customStyleName: (name) => `${NUTUI}/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
    // One module per icon: through the package index every icon used anywhere lands in one
    // module, and with it in the main package.
    [
      'import',
      {
        libraryName: '@nutui/icons-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/icons-react-taro/dist/es/icons/${name}`,
        style: false,
      },
      'nutui-icons-react-taro',
    ],
  ],
};
