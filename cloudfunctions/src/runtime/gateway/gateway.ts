import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import type { Role } from '@shared/account/schema';
import { contract, FUNCTION_NAMES, type FunctionName } from '@shared/api';
import { ERROR_MESSAGES, isAppError, type ErrorCode } from '@shared/errors';
import { MAX_SEED_PACKAGE_BYTES, UPLOAD_PURPOSES, type UploadPurpose } from '@shared/files';
import { fail, ok } from '@shared/result';
import { isRfc3339, toRfc3339 } from '@shared/time';
import { HANDLERS } from '../../handlers';
import { EXPORT_NAME, exportFileOwner, type FileStorage } from '../../files/file.storage';
import { acceptUpload } from '../../files/files.service';
import { LiveFeeds } from '../../live/live.feed';
import type { Store } from '../../store/port';
import { rolesIn } from '../access';
import { actorForMemberId, actorOf } from '../actor';
import type { AdjustableClock } from '../clock';
import type { Actor, Logger } from '../context';
import { dispatch } from '../dispatch';
import { C, type MemberDoc, type MerchantDoc } from '../records';

export interface GatewayOptions {
  store: Store;
  clock: AdjustableClock;
  log: Logger;
  /** `local` adds the /api/dev/* endpoints; `production` never has them. */
  mode: 'local' | 'production';
  sessionSecret: string;
  /** The H5 build to serve at `/`; absent → API only. */
  staticDir?: string;
  /** Where POST /api/upload keeps files. */
  files: FileStorage;
}

/** CloudBase caps a text request at about 100 KB; the gateway keeps the same limit. */
export const BODY_LIMIT = 100 * 1024;
const SESSION_COOKIE = 'sid';

/** Who may download an export: whoever may make one (the action's own permission). */
const EXPORT_PERMISSION = contract.campaign.exportRedemptions.permission;
const EXPORTERS: readonly Role[] = EXPORT_PERMISSION.allow === 'SIGNED_IN' ? [] : EXPORT_PERMISSION.allow;
const sendError = (reply: FastifyReply, status: number, code: ErrorCode, message: string = ERROR_MESSAGES[code]) =>
  reply.status(status).type('application/json; charset=utf-8').send(fail({ code, message }));

export async function buildGateway(opts: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT, logger: false, trustProxy: false,
    // Router-level refusals (an undecodable URL, a path parameter over 100 characters) answer the envelope too.
    frameworkErrors: (error, _request, reply) => sendError(reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400, 'REQUEST.MALFORMED'),
  });
  await app.register(fastifyCookie, { secret: opts.sessionSecret });
  // The API speaks JSON only; multipart uploads get their own route.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_SEED_PACKAGE_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024 } });

  const cookieOptions = {
    signed: true, httpOnly: true, sameSite: 'lax' as const, path: '/', secure: opts.mode === 'production',
  };

  async function currentActor(request: FastifyRequest): Promise<Actor | null> {
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return null;
    return actorForMemberId(opts.store, unsigned.value);
  }

  // Transport errors still answer the envelope, never a stack.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 413, 'REQUEST.TOO_LARGE', `请求内容不能超过 ${BODY_LIMIT / 1024} KB`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, 'REQUEST.MALFORMED', '请求需为 application/json');
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendError(reply, 413, 'FILE.TOO_LARGE', `文件不能超过 ${MAX_SEED_PACKAGE_BYTES / 1_048_576} MB`);
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return sendError(reply, 400, 'FILE.MALFORMED_UPLOAD');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendError(reply, 400, 'REQUEST.MALFORMED');
      default:
        if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return sendError(reply, error.statusCode, 'REQUEST.MALFORMED');
        opts.log.error('[gateway] unexpected error', error);
        return sendError(reply, 500, 'INTERNAL.ERROR');
    }
  });

  app.post<{ Params: { fn: string } }>('/api/:fn', async (request, reply) => {
    const fn = request.params.fn;
    if (!(FUNCTION_NAMES as string[]).includes(fn)) {
      return sendError(reply, 404, 'REQUEST.UNKNOWN_FUNCTION', `${ERROR_MESSAGES['REQUEST.UNKNOWN_FUNCTION']}：${fn.slice(0, 64)}`);
    }
    const name = fn as FunctionName;
    const actor = await currentActor(request);
    const envelope = await dispatch(name, HANDLERS[name] as never, request.body, { actor, clock: opts.clock, store: opts.store, files: opts.files, log: opts.log });
    return reply.type('application/json; charset=utf-8').send(envelope);
  });

  // Files: multipart `file` + `purpose`; the real content is checked before anything is kept.
  app.post('/api/upload', async (request, reply) => {
    const actor = await currentActor(request);
    if (!actor) return sendError(reply, 401, 'AUTH.UNAUTHENTICATED');
    if (!request.isMultipart()) return sendError(reply, 400, 'FILE.MALFORMED_UPLOAD');
    let purpose: string | undefined;
    let bytes: Buffer | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || bytes) return sendError(reply, 400, 'FILE.MALFORMED_UPLOAD');
          bytes = await part.toBuffer();
        } else if (part.fieldname === 'purpose') {
          purpose = String(part.value);
        }
      }
    } catch (e) {
      // busboy's own parse errors (no boundary, a truncated body) carry no code: the upload is malformed.
      if ((e as { code?: string }).code?.startsWith('FST_')) throw e;
      return sendError(reply, 400, 'FILE.MALFORMED_UPLOAD');
    }
    if (!bytes || !purpose) return sendError(reply, 400, 'FILE.MALFORMED_UPLOAD');
    if (!(UPLOAD_PURPOSES as readonly string[]).includes(purpose)) {
      return sendError(reply, 400, 'REQUEST.INVALID', `purpose 需为 ${UPLOAD_PURPOSES.join(' / ')} 之一`);
    }
    try {
      const meta = await acceptUpload({ store: opts.store, storage: opts.files, clock: opts.clock }, actor, purpose as UploadPurpose, bytes);
      return reply.type('application/json; charset=utf-8').send(ok(meta));
    } catch (e) {
      if (isAppError(e)) return reply.status(e.code === 'AUTH.FORBIDDEN' ? 403 : 422).send(fail(e.toBody()));
      throw e;
    }
  });

  // L5 live updates as Server-Sent Events: the host's console (`?merchantId=`) or the viewer's
  // state. The first answer goes through the action (which checks access); the room's feed sends
  // the later ones, bursts coalesced.
  const feeds = new LiveFeeds({ store: opts.store, clock: opts.clock, log: opts.log });
  app.addHook('onClose', async () => feeds.close());
  app.get<{ Params: { roomId: string }; Querystring: { merchantId?: string } }>('/api/live/:roomId/events', async (request, reply) => {
    const actor = await currentActor(request);
    if (!actor) return sendError(reply, 401, 'AUTH.UNAUTHENTICATED');
    const { roomId } = request.params;
    const merchantId = request.query.merchantId;
    const event = merchantId ? { action: 'room', data: { merchantId, roomId } } : { action: 'watch', data: { roomId } };
    const first = await dispatch('live', HANDLERS.live, event, { actor, clock: opts.clock, store: opts.store, files: opts.files, log: opts.log });
    if (!first.ok) return reply.type('application/json; charset=utf-8').send(first);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (body: unknown) => res.write(`data: ${JSON.stringify(body)}\n\n`);
    send(first);
    const unsubscribe = feeds.subscribe(roomId, merchantId ? { kind: 'host', send } : { kind: 'viewer', openid: actor.openid, send });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    request.raw.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      // A viewer whose tab or app closed never says goodbye: its stream ending is the leave (L6).
      if (!merchantId) {
        void dispatch('live', HANDLERS.live, { action: 'leave', data: { roomId } }, { actor, clock: opts.clock, store: opts.store, files: opts.files, log: opts.log });
      }
    });
  });

  // Files by key. Campaign images are public content (the consumer's card shows them); an exported
  // CSV is for whoever may export for the merchant its key names; seed packages never leave.
  app.get<{ Params: { key: string }; Querystring: { name?: string } }>('/api/files/:key', async (request, reply) => {
    const key = request.params.key;
    const image = /^(logo|smallImage|largeImage)\//.test(key);
    if (!image && !key.startsWith('export/')) return sendError(reply, 404, 'FILE.NOT_FOUND');
    if (!image) {
      const actor = await currentActor(request);
      if (!actor || !actor.memberships.length) return sendError(reply, 401, 'AUTH.UNAUTHENTICATED');
      const owner = exportFileOwner(key);
      if (!owner) return sendError(reply, 404, 'FILE.NOT_FOUND');
      // Decided before the file is looked at, so a refusal says nothing of whether it exists.
      const held = await rolesIn(opts.store, actor, owner);
      if (!held.some((r) => EXPORTERS.includes(r))) return sendError(reply, 403, 'AUTH.FORBIDDEN');
    }
    const bytes = await opts.files.get(`local:${key}`);
    if (!bytes) return sendError(reply, 404, 'FILE.NOT_FOUND');
    if (image) return reply.type(key.endsWith('.png') ? 'image/png' : 'image/jpeg').header('cache-control', 'public, max-age=31536000, immutable').send(Buffer.from(bytes));
    // Saved under the export's own name (merchant or campaign, and the days), so exports do not collide.
    const asked = request.query.name;
    const downloadName = asked && EXPORT_NAME.test(asked) ? asked : '核销明细.csv';
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(downloadName)}`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes));
  });
  // A key is one encoded path segment; a raw `/` in it names no file either (never a function).
  app.get('/api/files/*', async (_request, reply) => sendError(reply, 404, 'FILE.NOT_FOUND'));

  if (opts.mode === 'local') registerDevRoutes(app, opts, cookieOptions);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(reply, 404, 'REQUEST.UNKNOWN_FUNCTION');
    return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
  });

  if (opts.staticDir && existsSync(opts.staticDir)) {
    await app.register(fastifyStatic, { root: opts.staticDir, index: ['index.html'], cacheControl: true, maxAge: 0 });
  }
  return app;
}

function registerDevRoutes(
  app: FastifyInstance,
  opts: GatewayOptions,
  cookieOptions: { signed: boolean; httpOnly: boolean; sameSite: 'lax'; path: string; secure: boolean },
): void {
  app.get('/api/dev/members', async () => {
    const [members, merchants] = await Promise.all([
      opts.store.find<MemberDoc>(C.members, {}, { orderBy: [['id', 'asc']] }),
      opts.store.find<MerchantDoc>(C.merchants, {}),
    ]);
    const names = new Map(merchants.map((m) => [m.id, m.name]));
    return ok({
      members: members.map((m) => ({
        memberId: m.id,
        nickname: m.nickname,
        consumer: m.memberships.length === 0,
        memberships: m.memberships.map((s) => ({ ...s, merchantName: names.get(s.merchantId) ?? s.merchantId })),
      })),
    });
  });

  app.post('/api/dev/login', async (request, reply) => {
    const memberId = (request.body as { memberId?: unknown } | null)?.memberId;
    if (typeof memberId !== 'string') return sendError(reply, 400, 'REQUEST.INVALID', '需要 memberId');
    const member = await opts.store.get<MemberDoc>(C.members, memberId);
    if (!member) return sendError(reply, 404, 'AUTH.UNKNOWN_MEMBER');
    reply.setCookie(SESSION_COOKIE, member.id, cookieOptions);
    const actor = actorOf(member);
    const envelope = await dispatch('account', HANDLERS.account, { action: 'me', data: {} }, { actor, clock: opts.clock, store: opts.store, files: opts.files, log: opts.log });
    return envelope;
  });

  app.post('/api/dev/logout', async (_request, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return ok({});
  });

  const clockState = () => ({ now: toRfc3339(opts.clock.now()), overridden: opts.clock.overridden });

  app.get('/api/dev/clock', async () => ok(clockState()));

  app.post('/api/dev/clock', async (request, reply) => {
    const body = request.body as { now?: unknown } | null;
    const now = body?.now;
    if (now === null || now === undefined) opts.clock.set(null);
    else if (typeof now === 'string' && isRfc3339(now)) opts.clock.set(new Date(now));
    else return sendError(reply, 400, 'REQUEST.INVALID', 'now 需为带时区的时间（如 2026-11-24T12:00:00+08:00）或 null');
    return ok(clockState());
  });
}
