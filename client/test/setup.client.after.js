// NutUI's Dialog animates with react-transition-group, which still calls findDOMNode; React 18
// warns about it on every open. That is the library's business, not a failure of ours.
const originalError = console.error;
console.error = (...args) => {
  if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return;
  originalError(...args);
};
