'use client';

import { useTheme } from 'next-themes';
import { ToggleGroup } from 'radix-ui';
import { useSyncExternalStore } from 'react';
import { THEME_CHOICES } from '../shell/theme-toggle';

const subscribe = () => () => undefined;

export function ThemeSetting() {
  const { theme, setTheme } = useTheme();
  // The saved choice is only known in the browser; render "system" on the server.
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <ToggleGroup.Root
      type="single"
      className="segmented"
      aria-label="Theme"
      value={mounted ? (theme ?? 'system') : 'system'}
      onValueChange={(value) => {
        if (value) setTheme(value);
      }}
    >
      {THEME_CHOICES.map(({ value, label, Icon }) => (
        <ToggleGroup.Item key={value} value={value} className="segmented__item">
          <Icon size={15} aria-hidden="true" /> {label}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
