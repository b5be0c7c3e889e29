export default definePageConfig({
  navigationBarTitleText: '商户列表',
});
