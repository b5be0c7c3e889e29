export default definePageConfig({
  navigationBarTitleText: '券小铺',
});
