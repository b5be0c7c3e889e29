export default definePageConfig({
  navigationBarTitleText: 'APPID 营销授权',
});
