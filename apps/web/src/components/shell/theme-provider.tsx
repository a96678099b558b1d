'use client';

import { ThemeProvider as NextThemes } from 'next-themes';
import type { ReactNode } from 'react';

/**
 * Light, dark or the system's choice (the default), remembered per browser. next-themes sets data-theme on <html>
 * from a tiny inline script before the first paint (it carries this request's CSP nonce), so nothing flashes.
 */
export function ThemeProvider({ nonce, children }: { nonce?: string; children: ReactNode }) {
  return (
    <NextThemes attribute="data-theme" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce} storageKey="prep-theme">
      {children}
    </NextThemes>
  );
}
