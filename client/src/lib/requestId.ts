/**
 * A client request id for create-type calls (`^[A-Za-z0-9_-]{8,64}$`). Time + randomness is enough:
 * it only has to be unique per member and action, and crypto APIs are not available on every platform.
 */
export function newRequestId(prefix = 'rq'): string {
  const rand = () => Math.floor(Math.random() * 0x100000000).toString(36);
  return `${prefix}-${Date.now().toString(36)}-${rand()}${rand()}`;
}
