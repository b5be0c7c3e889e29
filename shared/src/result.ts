/** The envelope every call answers with (PRODUCT.md §Conventions on the wire). */
export type IssueLevel = 'error' | 'suggestion';

export interface Issue {
  /** Rule id from PRODUCT.md (S1, R7, …) when a rule of the tables caused it. */
  rule?: string;
  /** Dotted field path, e.g. `items.0.smallImage`; empty for the whole payload. */
  path: string;
  level: IssueLevel;
  message: string;
  hint?: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  issues?: Issue[];
}

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; error: ErrorBody };
export type Envelope<T> = Ok<T> | Fail;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const fail = (error: ErrorBody): Fail => ({ ok: false, error });

/** Only errors block; suggestions are advice. */
export const blocking = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.level === 'error');
