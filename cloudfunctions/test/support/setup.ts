// @cloudbase/node-sdk arms a 3 s "slow request" console.warn per call and clears it only when the
// call succeeds, so every deliberately failed call against the recording stub warns seconds later —
// often after its test file has finished, which jest reports as logging after the tests are done.
// Those warnings say nothing about the code under test; everything else still reaches the console.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('[TCB][WARN] Your current request')) return;
  warn(...args);
};
