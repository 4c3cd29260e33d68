// Every error leaves the server as `{ error: { code, message, details? } }` with the status the
// contract gives its code, including Fastify's own errors (bad JSON, body too large, no route).
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { errorStatus, type ErrorBody, type ErrorCode, type ErrorDetail } from '@domain/errors';
import { errorMessages } from '../messages';

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
