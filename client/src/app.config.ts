export default defineAppConfig({
  // The first page is the entry: home decides by session where the user goes.
  pages: ['pages/home/index', 'pages/login/index'],
  // Account management is used by staff only: a subpackage keeps it out of the consumer's download.
  subPackages: [
    {
      root: 'pages/account',
      pages: ['merchants/index', 'recharge/index', 'quota/index', 'stores/index'],
    },
    // Voucher stocks (代金券) and APPID marketing authorization: merchant staff only.
    {
      root: 'pages/stock',
      pages: ['list/index', 'create/index', 'detail/index', 'authorizations/index'],
    },
    // Claim (consumers), 我的卡包 (consumers), 核销 (store staff).
    { root: 'pages/wallet', pages: ['claim/index', 'list/index', 'redeem/index'] },
    // Live rooms: the host's console (staff) and the viewer's page (anyone with the link).
    { root: 'pages/live', pages: ['rooms/index', 'create/index', 'console/index', 'watch/index'] },
    // Quota campaigns (配额发券): the wizard, list, detail with its chart, edit — staff only.
    { root: 'pages/campaign', pages: ['list/index', 'create/index', 'detail/index', 'edit/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '券管家',
    navigationBarTextStyle: 'black',
  },
  // Taro.cloud is only needed in the mini-program; H5 talks to the gateway over HTTP.
  ...(process.env.TARO_ENV === 'weapp' ? { cloud: true } : {}),
});
