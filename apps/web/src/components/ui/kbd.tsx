'use client';

import { usePlatform } from '../../hooks/use-platform';
import { ariaKeyShortcut, shortcutKeys } from '../../lib/keys';

/**
 * The shortcut printed on the control it triggers, one keycap per key (Ctrl ' here, ⌘ ' on a Mac). Hidden from
 * screen readers, which get aria-keyshortcuts (see useAriaShortcut).
 */
export function Kbd({ shortcut }: { shortcut: string }) {
  const keys = shortcutKeys(shortcut, usePlatform());
  if (keys.length === 1) {
    return (
      <kbd className="kbd" aria-hidden="true">
        {keys[0]}
      </kbd>
    );
  }
  return (
    <kbd className="kbd-combo" aria-hidden="true">
      {keys.map((key, index) => (
        <kbd key={index} className="kbd">
          {key}
        </kbd>
      ))}
    </kbd>
  );
}

/** aria-keyshortcuts value for a shortcut in our notation, on this platform (Meta on a Mac, Control elsewhere). */
export function useAriaShortcut(shortcut: string): string {
  return ariaKeyShortcut(shortcut, usePlatform());
}

/** aria-keyshortcuts value for a shortcut without a modifier (those read the same on every platform). */
export function ariaShortcut(shortcut: string): string {
  return ariaKeyShortcut(shortcut);
}
