import { ariaKeyShortcut, handlerFor, isTypingTarget, shortcutKeys, shortcutLabel, shortcutOf, type TKeyEventLike } from './keys';

function key(k: string, extra: Partial<TKeyEventLike> = {}): TKeyEventLike {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra };
}

const body = { tagName: 'BODY', closest: () => null };
const textInput = { tagName: 'INPUT', type: 'text' };
const checkbox = { tagName: 'INPUT', type: 'checkbox', closest: () => null };
const insideEditor = { tagName: 'DIV', closest: (selector: string) => (selector.includes('.cm-editor') ? {} : null) };

describe('shortcutOf', () => {
  it('names keys the way shortcuts are written', () => {
    expect(shortcutOf(key(' '))).toBe('Space');
    expect(shortcutOf(key('Z', { shiftKey: true }))).toBe('z');
    expect(shortcutOf(key('Enter', { ctrlKey: true }))).toBe('Mod+Enter');
    expect(shortcutOf(key('Enter', { metaKey: true }), 'mac')).toBe('Mod+Enter');
    expect(shortcutOf(key('Enter', { ctrlKey: true }), 'mac')).toBe('Enter');
  });
});

describe('isTypingTarget', () => {
  it('is true in text fields, text areas, selects, contenteditable and the code editor', () => {
    expect(isTypingTarget(textInput)).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget(insideEditor)).toBe(true);
  });

  it('is false on the page, buttons and checkboxes', () => {
    expect(isTypingTarget(body)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON', closest: () => null })).toBe(false);
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('handlerFor', () => {
  const reveal = jest.fn();
  const good = jest.fn();
  const submit = jest.fn();
  const shortcuts = { Space: reveal, '3': good, 'Mod+Enter': submit };

  it('finds the handler for a plain key on the page', () => {
    expect(handlerFor(key(' ', { target: body }), shortcuts)).toBe(reveal);
    expect(handlerFor(key('3', { target: body }), shortcuts)).toBe(good);
  });

  it('ignores plain keys while typing, so a 3 typed into a field does not rate a card', () => {
    expect(handlerFor(key('3', { target: textInput }), shortcuts)).toBeUndefined();
    expect(handlerFor(key(' ', { target: insideEditor }), shortcuts)).toBeUndefined();
  });

  it('lets Mod shortcuts through while typing (submit from the editor)', () => {
    expect(handlerFor(key('Enter', { ctrlKey: true, target: insideEditor }), shortcuts)).toBe(submit);
  });

  it('ignores a plain key pressed with another modifier, a held-down key and IME composition', () => {
    expect(handlerFor(key('3', { altKey: true, target: body }), shortcuts)).toBeUndefined();
    expect(handlerFor(key('3', { ctrlKey: true, target: body }), shortcuts, 'mac')).toBeUndefined();
    expect(handlerFor(key('3', { repeat: true, target: body }), shortcuts)).toBeUndefined();
    expect(handlerFor(key('3', { isComposing: true, target: body }), shortcuts)).toBeUndefined();
  });

  it('leaves Enter on a focused link or button to that control, so Enter on "Again" is not rated Good', () => {
    const enter = { Enter: good };
    expect(handlerFor(key('Enter', { target: { tagName: 'BUTTON' } }), enter)).toBeUndefined();
    expect(handlerFor(key('Enter', { target: { tagName: 'A' } }), enter)).toBeUndefined();
    const iconInsideLink = { tagName: 'svg', closest: (selector: string) => (selector.includes('a[href]') ? {} : null) };
    expect(handlerFor(key('Enter', { target: iconInsideLink }), enter)).toBeUndefined();
    expect(handlerFor(key('Enter', { target: body }), enter)).toBe(good);
    // Space stays the shortcut on a focused button (it would otherwise click it as well).
    expect(handlerFor(key(' ', { target: { tagName: 'BUTTON' } }), shortcuts)).toBe(reveal);
  });

  it('ignores keys nobody asked for', () => {
    expect(handlerFor(key('9', { target: body }), shortcuts)).toBeUndefined();
  });
});

describe('shortcutLabel', () => {
  it('prints shortcuts for buttons', () => {
    expect(shortcutLabel('Mod+Enter')).toBe('Ctrl+↵');
    expect(shortcutLabel('Mod+Enter', 'mac')).toBe('⌘↵');
    expect(shortcutLabel('z')).toBe('Z');
    expect(shortcutLabel('Space')).toBe('Space');
    expect(shortcutLabel("Mod+'")).toBe("Ctrl+'");
    expect(shortcutLabel("Mod+'", 'mac')).toBe("⌘'");
  });

  it('splits a shortcut into one keycap per key', () => {
    expect(shortcutKeys("Mod+'")).toEqual(['Ctrl', "'"]);
    expect(shortcutKeys('Mod+Enter', 'mac')).toEqual(['⌘', '↵']);
    expect(shortcutKeys('Space')).toEqual(['Space']);
  });
});

describe('ariaKeyShortcut', () => {
  it('names the modifier the platform uses', () => {
    expect(ariaKeyShortcut('Mod+Enter')).toBe('Control+Enter');
    expect(ariaKeyShortcut("Mod+'", 'mac')).toBe("Meta+'");
    expect(ariaKeyShortcut('z')).toBe('Z');
    expect(ariaKeyShortcut('Space')).toBe('Space');
  });
});
