export default definePageConfig({
  navigationBarTitleText: '创建代金券',
});
