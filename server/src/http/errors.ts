// Every error leaves the server as `{ error: { code, message, details? } }` with the status the
// contract gives its code, including Fastify's own errors (bad JSON, body too large, no route).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorStatus, type ErrorBody, type ErrorCode, type ErrorDetail } from '@domain/errors';
import { errorMessages } from '../messages';
import { securityHeaders } from './security';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly minVersion?: string,
  ) {
    super(message);
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details && this.details.length > 0 ? { details: this.details } : {}),
        ...(this.minVersion !== undefined ? { minVersion: this.minVersion } : {}),
      },
    };
  }
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.status).header('cache-control', 'no-store').send(error.toBody());
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, apiError);
  });
}

/**
 * Errors Fastify raises before any route or hook runs — a path parameter over its length limit
 * (414), a URL it cannot decode — leave as contract errors too (the fuzz scenario of the fault
 * suite found them answered in Fastify's own shape). Passed as Fastify's `frameworkErrors` option.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void sendError(reply, toApiError(error));
}

/**
 * A request Node's HTTP parser rejects (garbage, headers too large, too slow) never reaches
 * Fastify: answered here in the contract's shape with the API's headers, instead of Fastify's
 * English one. Passed as Fastify's `clientErrorHandler` option.
 */
export function clientError(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const apiError = error.code === 'HPE_HEADER_OVERFLOW' ? new ApiError('too_large', errorMessages.tooLarge) : new ApiError('bad_request', errorMessages.badRequest);
    const body = JSON.stringify(apiError.toBody());
    const headers = {
      ...securityHeaders('/api', false),
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${apiError.status} ${STATUS_CODES[apiError.status] ?? ''}\r\n${head.join('')}\r\n${body}`);
  }
  socket.destroy(error);
}

function toApiError(error: FastifyError): ApiError {
  if (error instanceof ApiError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('bad_request', errorMessages.badJson);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('bad_request', errorMessages.badContentType);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('too_large', errorMessages.tooLarge);
    default:
      break;
  }
  // Fastify's JSON parser throws a SyntaxError carrying status 400 for malformed bodies.
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError('too_large', errorMessages.tooLarge);
  if (status === 404) return new ApiError('not_found', errorMessages.notFound);
  if (status >= 400 && status < 500) return new ApiError('bad_request', errorMessages.badRequest);
  return new ApiError('internal', errorMessages.internal);
}
