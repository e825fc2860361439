/**
 * ProblemDetails errors (RFC 9457, marketplace-api.md §8). Handlers throw ApiProblem; the server
 * turns it into `application/problem+json` (INFERRED content type: the ASP.NET default).
 */
import { randomBytes } from 'node:crypto';

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  405: 'https://tools.ietf.org/html/rfc9110#section-15.5.6',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  413: 'https://tools.ietf.org/html/rfc9110#section-15.5.14',
  415: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  502: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export type FieldErrors = Record<string, string[]>;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  traceId: string;
  errors?: FieldErrors;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldErrors,
    readonly title: string = TITLES[status] ?? 'Error',
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }

  toBody(): ProblemBody {
    return problemBody(this.status, this.detail, this.errors, this.title);
  }
}

export function problemBody(status: number, detail: string, errors?: FieldErrors, title?: string): ProblemBody {
  const body: ProblemBody = {
    type: TYPES[status] ?? 'about:blank',
    title: title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    traceId: newTraceId(),
  };
  if (errors) body.errors = errors;
  return body;
}

/** W3C traceparent-like: `00-<32 hex>-<16 hex>-00`. */
export function newTraceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

export const validationProblem = (errors: FieldErrors): ApiProblem => new ApiProblem(400, 'One or more validation errors occurred.', errors);
export const notFound = (id: string): ApiProblem => new ApiProblem(404, `Entity for given id ${id} not found`);
