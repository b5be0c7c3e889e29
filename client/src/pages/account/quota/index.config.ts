export default definePageConfig({
  navigationBarTitleText: '配额余额与流水',
});
