// The error codes of the sync contract (design.md) and the shape every error takes on the wire.

export const errorStatus = {
  bad_request: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  device_revoked: 401,
  forbidden: 403,
  out_of_scope: 403,
  not_found: 404,
  unknown_collection: 404,
  conflict: 409,
  too_large: 413,
  invalid_document: 422,
  invalid_transition: 422,
  client_outdated: 426,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One problem with one row of a push, or one field of a request. */
export interface ErrorDetail {
  row?: number;
  id?: string;
  field?: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** In Chinese, saying what the person can do about it. */
    message: string;
    details?: ErrorDetail[];
    /** For `client_outdated`: the lowest client version the server accepts. */
    minVersion?: string;
  };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
