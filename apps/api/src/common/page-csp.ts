/**
 * The policy of the few HTML pages the API serves itself (Swagger UI, the admin queue dashboard): scripts, styles,
 * images and fonts only from this origin (inline style attributes included, which their markup uses), requests only
 * to this origin, no framing. Everything else the API answers is JSON under helmet's `default-src 'none'`.
 */
export const SELF_ONLY_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
