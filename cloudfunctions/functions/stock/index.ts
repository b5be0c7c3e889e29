import { stockHandlers } from '../../src/stock/stock.handlers';
import { cloudbaseEntry } from '../../src/runtime/cloudbase';

export const main = cloudbaseEntry('stock', stockHandlers);
