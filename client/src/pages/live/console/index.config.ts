export default definePageConfig({
  navigationBarTitleText: '直播控制台',
  // The host glances at it for minutes on end: keep the figures readable against the light.
  backgroundColor: '#f5f6f7',
});
