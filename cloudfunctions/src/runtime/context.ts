import type { ActionName, FunctionName, OutputOf } from '@shared/api';
import type { Contract } from '@shared/api';
import type { Role } from '@shared/account/schema';
import type * as z from 'zod/mini';
import type { Store } from '../store/port';
import type { FileStorage } from '../files/file.storage';

/** A stored membership: the role a member holds in one merchant. */
export interface MembershipRecord {
  role: Role;
  merchantId: string;
  storeIds: string[];
}

/** Who is calling, resolved by the runtime from the platform (never from the payload). */
export interface Actor {
  memberId: string;
  openid: string;
  nickname: string;
  memberships: MembershipRecord[];
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  error(msg: string, err?: unknown): void;
  info(msg: string): void;
}

export const consoleLogger: Logger = {
  error: (msg, err) => console.error(msg, err),
  info: (msg) => console.log(msg),
};

/** What a handler gets besides its parsed input. */
export interface Ctx {
  actor: Actor;
  clock: Clock;
  store: Store;
  files: FileStorage;
  log: Logger;
  /** The roles the actor holds in the tenant merchant (`data.merchantId`), empty when there is none. */
  roles: Role[];
  /** `function.action`, for audit entries and idempotency keys. */
  operation: string;
}

/** What the runtime (gateway or CloudBase entry) supplies for one call. */
export interface RuntimeEnv {
  actor: Actor | null;
  clock: Clock;
  store: Store;
  files: FileStorage;
  log: Logger;
}

type InputOfSpec<S> = S extends { input: infer I extends z.core.$ZodType } ? z.output<I> : never;

export type Handler<F extends FunctionName, A extends ActionName<F>> = (input: InputOfSpec<Contract[F][A]>, ctx: Ctx) => Promise<OutputOf<F, A>>;

/** Every action of a function must have a handler: the compiler checks it against the contract. */
export type DomainHandlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> };
