export default definePageConfig({
  navigationBarTitleText: '配额发券',
});
