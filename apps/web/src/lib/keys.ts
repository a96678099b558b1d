/**
 * Keyboard shortcuts, as plain functions so they can be tested without a browser.
 * A shortcut is written like "Space", "1", "z", "Mod+Enter" (Mod = Ctrl, or Cmd on a Mac).
 */
export type TKeyEventLike = {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  target?: unknown;
};

type TElementLike = {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  closest?: (selector: string) => unknown;
};

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'password', 'number', 'url', 'tel', 'date', 'time', 'datetime-local']);

/** True while the learner types: in a text field, a text area, a select, CodeMirror or anything contenteditable. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as TElementLike;
  const tag = (element.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((element.type ?? 'text').toLowerCase());
  if (element.isContentEditable) return true;
  return typeof element.closest === 'function' && Boolean(element.closest('[contenteditable="true"], .cm-editor'));
}

/** A link, button or other control that Enter activates by itself. */
export function isActivatable(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as TElementLike;
  const tag = (element.tagName ?? '').toUpperCase();
  if (tag === 'A' || tag === 'BUTTON' || tag === 'SUMMARY') return true;
  return (
    typeof element.closest === 'function' &&
    Boolean(element.closest('a[href], button, [role="button"], [role="link"], [role="menuitem"], [role="tab"]'))
  );
}

/** The shortcut an event spells, in the notation above: "Space", "Mod+Enter", "Shift+?"… */
export function shortcutOf(event: TKeyEventLike, platform: 'mac' | 'other' = 'other'): string {
  const mod = platform === 'mac' ? event.metaKey : event.ctrlKey;
  let key = event.key;
  if (key === ' ' || key === 'Spacebar') key = 'Space';
  else if (key.length === 1) key = key.toLowerCase();
  const parts: string[] = [];
  if (mod) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  // Shift is part of the character for printable keys ("?" is already shifted).
  if (event.shiftKey && key.length > 1 && key !== 'Space') parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

export type TShortcutMap = Readonly<Record<string, (() => void) | undefined>>;

/**
 * Which handler, if any, runs for an event. Plain keys are ignored while typing; shortcuts with Mod work everywhere
 * (Ctrl+Enter submits from inside the editor). A held-down key does not repeat an action.
 */
export function handlerFor(event: TKeyEventLike, shortcuts: TShortcutMap, platform: 'mac' | 'other' = 'other'): (() => void) | undefined {
  if (event.isComposing || event.repeat) return undefined;
  const shortcut = shortcutOf(event, platform);
  const handler = shortcuts[shortcut];
  if (!handler) return undefined;
  if (!shortcut.startsWith('Mod+') && isTypingTarget(event.target)) return undefined;
  // Enter on a focused link or button is the learner choosing it (following "Practise it", pressing Again).
  if (shortcut === 'Enter' && isActivatable(event.target)) return undefined;
  // A plain key must not fire while another modifier is held (Ctrl+1 switches browser tabs).
  if (!shortcut.includes('+') && (event.ctrlKey || event.metaKey || event.altKey)) return undefined;
  return handler;
}

/** The keys of a shortcut as printed on keycaps, one per key: ["Ctrl", "↵"] here, ["⌘", "↵"] on a Mac. */
export function shortcutKeys(shortcut: string, platform: 'mac' | 'other' = 'other'): string[] {
  return shortcut
    .split('+')
    .map((part) =>
      part === 'Mod' ? (platform === 'mac' ? '⌘' : 'Ctrl') : part === 'Enter' ? '↵' : part.length === 1 ? part.toUpperCase() : part,
    );
}

/** How a shortcut is written in text (a tooltip, a title): "Ctrl+'" here, "⌘'" on a Mac. */
export function shortcutLabel(shortcut: string, platform: 'mac' | 'other' = 'other'): string {
  return shortcutKeys(shortcut, platform).join(platform === 'mac' ? '' : '+');
}

/** The aria-keyshortcuts value of a shortcut: "Control+Enter" here, "Meta+Enter" on a Mac. */
export function ariaKeyShortcut(shortcut: string, platform: 'mac' | 'other' = 'other'): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? (platform === 'mac' ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}
