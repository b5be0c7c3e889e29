export default definePageConfig({
  navigationBarTitleText: '配额充值',
});
