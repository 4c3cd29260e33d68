// The Content-Security-Policy of every response of the app protocol. Scripts only from the app
// itself (no inline script, no eval: RxDB validates with z-schema for this reason); inline styles
// for antd's CSS-in-JS; connections to any http(s) server, since the street office's address is
// a setting the person enters.

const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self' http: https:"],
  ['worker-src', "'self'"],
];

export const contentSecurityPolicy = directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The headers every app-protocol response carries besides its content type. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
};
