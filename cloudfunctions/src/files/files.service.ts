import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { FileMeta, UploadPurpose } from '@shared/files';
import { toRfc3339 } from '@shared/time';
import type { Store } from '../store/port';
import type { Actor, Clock } from '../runtime/context';
import { C } from '../runtime/records';
import type { FileStorage } from './file.storage';
import { inspectUpload } from './inspect';

export interface FileDoc extends FileMeta {
  id: string;
  uploadedBy: string;
  at: string;
}

/**
 * POST /api/upload: staff only; the real content is inspected before anything is stored, and a
 * refused file leaves nothing behind. Answers `{ fileId, format, width, height, bytes }` (+ rows).
 */
export async function acceptUpload(deps: { store: Store; storage: FileStorage; clock: Clock }, actor: Actor, purpose: UploadPurpose, bytes: Uint8Array): Promise<FileMeta> {
  if (!actor.memberships.length) throw new AppError('AUTH.FORBIDDEN', '仅商户工作人员可以上传文件');
  const inspected = inspectUpload(purpose, bytes);
  if (!inspected.ok) throw new AppError('FILE.INVALID', inspected.issues[0]?.message, inspected.issues);
  const { content, ...meta } = inspected.value;
  const key = `${purpose}/${randomBytes(12).toString('hex')}.${meta.format}`;
  const fileId = await deps.storage.put(key, content);
  const doc: FileDoc = { id: fileId, fileId, purpose, ...meta, uploadedBy: actor.memberId, at: toRfc3339(deps.clock.now()) };
  await deps.store.insert(C.files, doc);
  const { id: _id, uploadedBy: _by, at: _at, ...wire } = doc;
  return wire;
}

/**
 * A file the mini-program already put in cloud storage: read back, inspected exactly like an
 * upload, and registered under its cloud fileID. A refused file is not registered, so no draft
 * can use it. Registering twice answers the first registration.
 */
export async function registerStoredFile(deps: { store: Store; storage: FileStorage; clock: Clock }, actor: Actor, purpose: UploadPurpose, fileId: string): Promise<FileMeta> {
  const known = await deps.store.get<FileDoc>(C.files, fileId);
  const wire = ({ id: _id, uploadedBy: _by, at: _at, ...meta }: FileDoc): FileMeta => meta;
  if (known) return wire(known);
  const bytes = await deps.storage.get(fileId);
  if (!bytes) throw new AppError('FILE.INVALID', '文件不存在或已失效，请重新上传');
  const inspected = inspectUpload(purpose, bytes);
  if (!inspected.ok) throw new AppError('FILE.INVALID', inspected.issues[0]?.message, inspected.issues);
  const { content: _content, ...meta } = inspected.value;
  const doc: FileDoc = { id: fileId, fileId, purpose, ...meta, uploadedBy: actor.memberId, at: toRfc3339(deps.clock.now()) };
  await deps.store.insert(C.files, doc);
  return wire(doc);
}

/** The stored measurements of the files a draft names (unknown ids are simply absent). */
export async function filesByIds(store: Store, ids: readonly string[]): Promise<Map<string, FileMeta>> {
  const unique = [...new Set(ids.filter(Boolean))];
  const docs = unique.length ? await store.find<FileDoc>(C.files, { id: { in: unique } }) : [];
  return new Map(docs.map((d) => [d.id, d]));
}
