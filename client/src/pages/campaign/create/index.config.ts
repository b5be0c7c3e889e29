export default definePageConfig({
  navigationBarTitleText: '新建配额发券活动',
});
