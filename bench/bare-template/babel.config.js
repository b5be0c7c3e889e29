// The bare template: babel-preset-taro exactly as `taro init` writes it for React + TypeScript.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
