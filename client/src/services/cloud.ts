/**
 * The only place in the client that talks to the backend.
 * - weapp: `Taro.cloud.callFunction({ name, data: { action, data } })`; the function answers the envelope.
 * - H5: `POST /api/<fn>` with `{ action, data }` on the same origin; the gateway's cookie is the session.
 * Both unwrap the envelope: `ok` → data, otherwise a thrown `CloudError` (never log-and-continue).
 */
import Taro from '@tarojs/taro';
import type { ActionName, FunctionName, InputOf, OutputOf } from '@shared/api';
import type { Me, Role } from '@shared/account/schema';
import type { Envelope, Issue } from '@shared/result';

export const NETWORK_ERROR = 'NETWORK.ERROR';
const NETWORK_MESSAGE = '网络异常，请检查网络后重试';

/** A failed call: the envelope's stable `code`, its Chinese `message` and field `issues`. */
export class CloudError extends Error {
  readonly code: string;
  readonly issues: Issue[];

  constructor(code: string, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'CloudError';
    this.code = code;
    this.issues = issues;
  }

  /** The outcome of the call is unknown: the same request may be retried with the same requestId. */
  get isNetwork(): boolean {
    return this.code === NETWORK_ERROR;
  }
}

export const isCloudError = (e: unknown): e is CloudError => e instanceof CloudError;

/** Anything thrown while calling, turned into a CloudError so callers handle one type. */
export function toCloudError(e: unknown): CloudError {
  if (isCloudError(e)) return e;
  return new CloudError(NETWORK_ERROR, NETWORK_MESSAGE);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEnvelope(v: unknown): v is Envelope<unknown> {
  if (!isRecord(v) || typeof v.ok !== 'boolean') return false;
  if (v.ok) return 'data' in v;
  return isRecord(v.error) && typeof v.error.code === 'string' && typeof v.error.message === 'string';
}

/** The envelope's data, or the error it carries thrown as a CloudError. */
function unwrap<T>(body: unknown, fallback: CloudError): T {
  if (!isEnvelope(body)) throw fallback;
  // The server parsed its output with the same contract: the cast is the contract, not a guess.
  if (body.ok) return body.data as T;
  throw new CloudError(body.error.code, body.error.message, body.error.issues ?? []);
}

// ---- transports ----

async function httpJson(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<unknown> {
  // The body is whatever JSON came back; `isEnvelope` below is what gives it a type.
  let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>;
  try {
    res = await Taro.request<TaroGeneral.IAnyObject | string, TaroGeneral.IAnyObject>({
      url,
      method,
      data: payload as TaroGeneral.IAnyObject | undefined,
      header: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      dataType: 'json',
    });
  } catch {
    throw new CloudError(NETWORK_ERROR, NETWORK_MESSAGE);
  }
  // The gateway answers errors with a 4xx/5xx status *and* an envelope; only a body without one
  // (proxy error page, gateway down) is a transport failure.
  if (isEnvelope(res.data)) return res.data;
  throw new CloudError(NETWORK_ERROR, `服务暂不可用（HTTP ${res.statusCode}），请稍后重试`);
}

async function cloudFunction(name: string, data: Record<string, unknown>): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    return res.result;
  } catch (e) {
    const errMsg = isRecord(e) && typeof e.errMsg === 'string' ? e.errMsg : '';
    // -504002: the function itself crashed; the outcome is not a network mystery.
    if (errMsg.includes('-504002')) throw new CloudError('INTERNAL.ERROR', '系统繁忙，请稍后再试');
    throw new CloudError(NETWORK_ERROR, NETWORK_MESSAGE);
  }
}

const isH5 = process.env.TARO_ENV === 'h5';

/** Call `fn.action` with `data`; resolves with the action's output or throws a CloudError. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  const payload = { action, data: data as unknown };
  const body = isH5 ? await httpJson('POST', `/api/${fn}`, payload) : await cloudFunction(fn, payload);
  return unwrap<OutputOf<F, A>>(body, new CloudError('INTERNAL.ERROR', '服务返回了无法识别的结果'));
}

// ---- local gateway only (H5): demo members and sign-in ----

export interface DevMember {
  memberId: string;
  nickname: string;
  consumer: boolean;
  memberships: Array<{ role: Role; merchantId: string; merchantName: string; storeIds: string[] }>;
}

const badBody = () => new CloudError('INTERNAL.ERROR', '服务返回了无法识别的结果');

export const devApi = {
  async members(): Promise<DevMember[]> {
    const out = unwrap<{ members: DevMember[] }>(await httpJson('GET', '/api/dev/members'), badBody());
    return out.members;
  },
  async login(memberId: string): Promise<Me> {
    return unwrap<Me>(await httpJson('POST', '/api/dev/login', { memberId }), badBody());
  },
  async logout(): Promise<void> {
    unwrap<Record<string, never>>(await httpJson('POST', '/api/dev/logout', {}), badBody());
  },
};
