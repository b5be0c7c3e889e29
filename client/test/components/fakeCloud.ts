/**
 * The network boundary of the jsdom tests: `call` of services/cloud.ts, answered by handlers keyed
 * `fn.action`. Each test file still mocks the module itself (jest.mock applies per file):
 * `jest.mock('@/services/cloud', () => ({ ...jest.requireActual(…), call: jest.fn() }))`.
 */
import { call } from '@/services/cloud';

export type Handler = (data: Record<string, unknown>) => unknown;

export const callMock = call as jest.MockedFunction<typeof call>;

/** Answer calls by `fn.action` (a throwing handler is a refusal); an unexpected call fails loudly. */
export function backend(handlers: Record<string, Handler>): void {
  callMock.mockImplementation(((fn: string, action: string, data: Record<string, unknown>) => {
    const h = handlers[`${fn}.${action}`];
    if (!h) return Promise.reject(new Error(`unexpected call ${fn}.${action}`));
    try {
      return Promise.resolve(h(data));
    } catch (e) {
      return Promise.reject(e);
    }
  }) as unknown as typeof call);
}

/** The calls made to `fn.action`, oldest first. */
export const calls = (fn: string, action: string) => callMock.mock.calls.filter(([f, a]) => f === fn && a === action);
