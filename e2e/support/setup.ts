// Browser flows start a server and Chromium and walk several pages.
jest.setTimeout(120_000);
