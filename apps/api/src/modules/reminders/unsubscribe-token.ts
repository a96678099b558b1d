import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a reminder email's unsubscribe link: `<payload>.<signature>`, base64url, where the payload names the
 * learner and the signature is an HMAC-SHA256 with the server's UNSUBSCRIBE_SECRET. It works without signing in and
 * does not expire (old emails keep working, as mailbox providers expect); changing the secret revokes every link.
 */
const VERSION = 'u1';
const PURPOSE = 'recall-prep/unsubscribe/reminders';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${payload}`).digest();
}

export function signUnsubscribeToken(userId: string, secret: string): string {
  const payload = Buffer.from(`${VERSION}:${userId}`).toString('base64url');
  return `${payload}.${sign(payload, secret).toString('base64url')}`;
}

/** The learner a token names, or null when it was forged, altered or truncated. */
export function verifyUnsubscribeToken(token: string, secret: string): { userId: string } | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = sign(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  // base64url decoding ignores stray characters, so compare the canonical form too.
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || given.toString('base64url') !== signature) {
    return null;
  }
  const [version, userId] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  if (version !== VERSION || !userId || !UUID.test(userId)) return null;
  return { userId };
}

/** j***@example.com: enough for the owner to recognise, little for someone the email was forwarded to. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
