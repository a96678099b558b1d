/** The browser's IANA timezone (what a new account starts with, and what settings offer), or null if unknown. */
export function browserTimezone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
