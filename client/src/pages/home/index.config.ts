export default definePageConfig({
  navigationBarTitleText: '券管家',
});
