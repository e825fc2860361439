/**
 * Errors cross every boundary (IPC, WebSocket) as plain data, because
 * ipcRenderer.invoke flattens thrown errors into a string. The preload turns
 * the data back into a thrown DeskError so the renderer can `catch` as usual.
 */
export const deskErrorCodes = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'offline',
  'timeout',
  'server',
  /** The address answered, but not like a Marketplace API (a web page, another API): the Environment is wrong. */
  'not_marketplace',
  'keychain_unavailable',
  'not_connected',
  /** A token, value or audit call named a connection other than the one main would act on. */
  'wrong_connection',
  'unknown_channel',
  'internal',
] as const;

export type DeskErrorCode = (typeof deskErrorCodes)[number];

/** The error as data. Its zod schema is in common/error-data.ts, so code that only throws and catches (the /quick page) loads without zod. */
export interface DeskErrorData {
  code: DeskErrorCode;
  message: string;
  status?: number;
  /** Field errors keyed by field path (e.g. `name`, `modules`), as the API or the validator gave them. */
  fields?: Record<string, string[]>;
  traceId?: string;
}

export class DeskError extends Error {
  readonly code: DeskErrorCode;
  readonly status?: number;
  readonly fields?: Record<string, string[]>;
  readonly traceId?: string;

  constructor(data: DeskErrorData) {
    super(data.message);
    this.name = 'DeskError';
    this.code = data.code;
    if (data.status !== undefined) this.status = data.status;
    if (data.fields !== undefined) this.fields = data.fields;
    if (data.traceId !== undefined) this.traceId = data.traceId;
  }

  toData(): DeskErrorData {
    const data: DeskErrorData = { code: this.code, message: this.message };
    if (this.status !== undefined) data.status = this.status;
    if (this.fields !== undefined) data.fields = this.fields;
    if (this.traceId !== undefined) data.traceId = this.traceId;
    return data;
  }

  static is(value: unknown): value is DeskError {
    return value instanceof DeskError;
  }
}

/** What every handler returns across the bridge. */
export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskErrorData };
