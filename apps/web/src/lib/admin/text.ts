/** A slug from a title: lower case, words joined by hyphens, nothing else (what ZSlug accepts). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Tags as typed in one field: separated by commas or spaces, each made a slug, without repeats. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map(slugify)
        .filter(Boolean),
    ),
  ];
}

/** A file's bytes as base64 (for JSON uploads, which keep the API's CSRF rule). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
