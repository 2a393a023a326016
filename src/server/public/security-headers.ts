/** CSP for public pages: no inline script or style, nothing from other origins (HEADERS). */
export const PUBLIC_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Security headers every public response carries. */
export function securityHeaders(hsts: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': PUBLIC_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    ...(hsts ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
