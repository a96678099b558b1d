'use client';

import { usePlatform } from '../../hooks/use-platform';
import { shortcutLabel } from '../../lib/keys';

/** The shortcut printed on the control it triggers (hidden from screen readers, which get aria-keyshortcuts). */
export function Kbd({ shortcut }: { shortcut: string }) {
  const platform = usePlatform();
  return (
    <kbd className="kbd" aria-hidden="true">
      {shortcutLabel(shortcut, platform)}
    </kbd>
  );
}

/** aria-keyshortcuts value for a shortcut in our notation. */
export function ariaShortcut(shortcut: string): string {
  return shortcut.replace('Mod', 'Control').replace('Space', 'Space');
}
