// The closed list of error codes the API answers with, their HTTP statuses, and the one place errors become
// responses: { "error": { "code", "message", "details"? }, "request_id" }. Domain code throws DomainError
// (src/lib/errors.ts) with a code of its own list; the HTTP edge adds its own codes (authentication,
// framing, routing) and decides every status here.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { newId } from '../lib/ids.js';
import Type, { type TSchema } from 'typebox';
import { DomainError, type DomainErrorCode, type ErrorDetail } from '../lib/errors.js';

export type { ErrorDetail };

/** Statuses of the codes domain code throws: every one of them must be here (the type says so). */
const DOMAIN_STATUS = {
  validation_failed: 422,
  insufficient_credits: 402,
  not_found: 404,
  duplicate_reference: 409,
  idempotency_key_reused: 409,
  level_not_supported: 422,
  batch_expired: 410,
  batch_not_cancellable: 409,
  delivery_not_retryable: 409,
  endpoint_disabled: 409,
  webhook_url_invalid: 422,
  webhook_url_forbidden: 422,
  webhook_url_unresolvable: 422,
  webhook_url_insecure: 422,
  upload_empty: 422,
  upload_not_text: 422,
  upload_no_column: 422,
  upload_row_too_large: 422,
  upload_malformed: 422,
  upload_too_large: 413,
  upload_too_many_rows: 413,
  last_active_key: 409,
} as const satisfies Record<DomainErrorCode, number>;

export const ERROR_STATUS = {
  ...DOMAIN_STATUS,
  invalid_json: 400,
  bad_request: 400,
  invalid_url: 400,
  missing_api_key: 401,
  malformed_api_key: 401,
  invalid_api_key: 401,
  revoked_api_key: 401,
  missing_admin_token: 401,
  invalid_admin_token: 401,
  missing_metrics_token: 401,
  invalid_metrics_token: 401,
  admin_disabled: 403,
  invalid_session: 401,
  csrf_token_invalid: 403,
  session_not_allowed: 403,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  header_too_large: 431,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected failure at the HTTP edge: rendered with its code, logged at most as info. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { details?: ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }
}

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable, machine-readable code' }),
      message: Type.String({ description: 'What went wrong, for humans' }),
      details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    }),
    request_id: Type.String(),
  },
  { $id: 'ErrorResponse' },
);

/**
 * Response schemas for the errors an operation can answer with, one entry per status, each saying which
 * codes it may carry (for the OpenAPI document and the SDK generated from it).
 */
export function errorResponses(...codes: ErrorCode[]): Record<number, TSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<number, TSchema> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[status] = Type.Ref('ErrorResponse', {
      description: `Error; \`error.code\` is ${list.map((c) => `\`${c}\``).join(', ')}`,
    });
  }
  return out;
}

function sendError(reply: FastifyReply, request: FastifyRequest, error: ApiError): FastifyReply {
  if (error.options.headers) reply.headers(error.options.headers);
  // Also for refusals made before the request hooks ran (the router's own).
  reply.header('X-Request-Id', request.id);
  const body: Record<string, unknown> = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.options.details ? { details: error.options.details } : {}),
    },
    request_id: request.id,
  };
  // Sent as a pre-serialised string so a route's response schema cannot strip or reject it.
  return reply.code(error.status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** Turns an ajv failure into a field path a client can use: `body.phones[3]`, `query.limit`. */
function validationDetails(err: FastifyError): ErrorDetail[] {
  const raw = (err as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const context = raw === 'querystring' ? 'query' : raw;
  return (err.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    let pointer = v.instancePath ?? '';
    if (v.keyword === 'required' && typeof params.missingProperty === 'string') pointer += `/${params.missingProperty}`;
    if (v.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      pointer += `/${params.additionalProperty}`;
    }
    const field =
      context +
      pointer
        .split('/')
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
        .join('');
    let message = v.message ?? 'is invalid';
    if (v.keyword === 'additionalProperties') message = 'is not a known field';
    if (v.keyword === 'required') message = 'is required';
    return { field, message };
  });
}

function fromFastifyError(err: FastifyError): ApiError | undefined {
  if (err instanceof DomainError) return new ApiError(err.code, err.message, err.details ? { details: err.details } : {});
  if (err.validation) {
    const details = validationDetails(err);
    const first = details[0];
    return new ApiError('validation_failed', first ? `${first.field} ${first.message}` : 'The request is invalid', {
      details,
    });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('invalid_json', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('payload_too_large', 'The request body is larger than the server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return err.statusCode === 415
        ? new ApiError('unsupported_media_type', 'Send the request body as application/json')
        : new ApiError('bad_request', 'The Content-Length header does not match the body');
    default:
      break;
  }
  // PostgreSQL cannot keep a NUL character in text: a request carrying one is refused, not failed.
  if (err.code === '22021' || err.code === '22P05') {
    return new ApiError('validation_failed', 'A text field holds a character that cannot be stored (such as NUL)');
  }
  if (err instanceof SyntaxError || err.name === 'SyntaxError') {
    return new ApiError('invalid_json', 'The request body is not valid JSON');
  }
  const status = err.statusCode ?? 500;
  if (status === 415) return new ApiError('unsupported_media_type', 'Send the request body as application/json');
  if (status === 413) return new ApiError('payload_too_large', 'The request body is larger than the server accepts');
  if (status >= 400 && status < 500) return new ApiError('bad_request', 'The request could not be understood');
  return undefined;
}

/** Limits of a request's head, enforced before any route runs. */
export const REQUEST_LIMITS = {
  /** The longest URL (path and query) answered; longer ones are 414 uri_too_long. */
  maxUrlLength: 8192,
  /** The longest path segment the router reads as a parameter (ids are far shorter); longer: 414. */
  maxParamLength: 200,
  /** Node's limit on the request line and headers together; past it: 431 (or 414 when the URL is at fault). */
  maxHeaderSize: 16_384,
} as const;

const uriTooLong = () =>
  new ApiError('uri_too_long', `The URL is longer than the server accepts (${REQUEST_LIMITS.maxUrlLength} characters)`);

/** Errors of the router itself (Fastify's frameworkErrors): a URL it cannot decode, a parameter too long. */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, request, reply) => {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendError(
      reply,
      request,
      new ApiError('uri_too_long', `A path segment is longer than ${REQUEST_LIMITS.maxParamLength} characters`),
    );
  }
  if (err.code === 'FST_ERR_BAD_URL') {
    return sendError(reply, request, new ApiError('invalid_url', 'The URL is not validly percent-encoded'));
  }
  return sendError(reply, request, new ApiError('bad_request', 'The request could not be understood'));
};

/**
 * Errors Node's HTTP parser meets before there is a request (a head too large, a malformed request line):
 * answered on the raw socket, in the same envelope, and the connection closed.
 */
export function clientErrorHandler(err: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let error: ApiError;
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // The URL is at fault when the request line itself does not end within the limit.
    const head = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.subarray(0, REQUEST_LIMITS.maxHeaderSize).toString('latin1') : '';
    const lineEnd = head.indexOf('\r\n');
    const urlAtFault = /^[A-Z]+ /.test(head) && (lineEnd === -1 || lineEnd > REQUEST_LIMITS.maxUrlLength);
    error = urlAtFault
      ? uriTooLong()
      : new ApiError('header_too_large', `The request headers are larger than ${REQUEST_LIMITS.maxHeaderSize} bytes`);
  } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    // No body is due: Node closes the connection itself.
    socket.destroy();
    return;
  } else {
    error = new ApiError('bad_request', 'The request is not well-formed HTTP');
  }
  const body = JSON.stringify({ error: { code: error.code, message: error.message }, request_id: newId('req') });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${error.status} ${STATUS_TEXT[error.status] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  } else {
    socket.destroy();
  }
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };

/** A route template as a pattern over paths: `/api/v1/batch/:batch_id` → `^/api/v1/batch/[^/]+$`. */
function templatePattern(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const apiError = err instanceof ApiError ? err : fromFastifyError(err);
    if (apiError) {
      if (apiError.status >= 500) request.log.error({ err }, 'request failed');
      return sendError(reply, request, apiError);
    }
    // Anything else is our fault: log it whole, tell the client nothing about it.
    request.log.error({ err }, 'unhandled error');
    return sendError(
      reply,
      request,
      new ApiError('internal_error', 'Something went wrong on our side; quote the request_id if you report it'),
    );
  });

  // Every route's template by method, to tell a path that exists under another method (405) from none (404).
  const templates: { pattern: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let entry = templates.find((t) => t.pattern.source === templatePattern(route.url).source);
    if (!entry) templates.push((entry = { pattern: templatePattern(route.url), methods: new Set() }));
    for (const m of methods) entry.methods.add(m);
  });

  // A global first hook: a URL past the limit is refused before authentication or routing work.
  app.addHook('onRequest', async (request) => {
    if (request.url.length > REQUEST_LIMITS.maxUrlLength) throw uriTooLong();
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.url.length > REQUEST_LIMITS.maxUrlLength) return sendError(reply, request, uriTooLong());
    const allowed = new Set<string>();
    for (const t of templates) if (t.pattern.test(path)) for (const m of t.methods) allowed.add(m);
    if (allowed.size > 0 && !allowed.has(request.method)) {
      const allow = [...allowed].sort().join(', ');
      return sendError(
        reply,
        request,
        new ApiError('method_not_allowed', `${request.method} is not allowed on ${path.slice(0, 200)}; use ${allow}`, {
          headers: { allow },
        }),
      );
    }
    return sendError(reply, request, new ApiError('route_not_found', `No route ${request.method} ${path.slice(0, 200)}`));
  });
}
