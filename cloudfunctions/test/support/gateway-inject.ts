import type { FastifyInstance } from 'fastify';

/** A session cookie (`sid=…`) for `memberId` from the local gateway's dev login, for `app.inject`. */
export async function devLogin(app: FastifyInstance, memberId: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/dev/login', payload: { memberId } });
  const c = res.cookies.find((x) => x.name === 'sid');
  if (res.statusCode !== 200 || !c) throw new Error(`no session for ${memberId}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return `sid=${c.value}`;
}
