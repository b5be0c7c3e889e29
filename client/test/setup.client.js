// What Taro's H5 build defines at compile time (webpack DefinePlugin), set before any module loads.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
Object.assign(globalThis, {
  DEPRECATED_ADAPTER_COMPONENT: false,
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: false,
  SUPPORT_DINGTALK_NAVIGATE: 'disabled',
  SUPPORT_TARO_POLYFILL: 'disabled',
  CLOUD_ENV: '',
});
