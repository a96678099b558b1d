'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTheme } from 'next-themes';
import { Menu, MenuLabel, MenuRadioGroup, MenuRadioItem } from '../ui/menu';

export const THEME_CHOICES = [
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
  { value: 'system', label: 'System', Icon: Monitor },
] as const;

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  return (
    <Menu
      trigger={
        <button type="button" className="button button--ghost button--icon" aria-label="Theme" data-testid="theme-toggle">
          <Sun size={18} className="theme-icon theme-icon--light" aria-hidden="true" />
          <Moon size={18} className="theme-icon theme-icon--dark" aria-hidden="true" />
        </button>
      }
    >
      <MenuLabel>Theme</MenuLabel>
      <MenuRadioGroup value={theme ?? 'system'} onValueChange={setTheme}>
        {THEME_CHOICES.map(({ value, label, Icon }) => (
          <MenuRadioItem key={value} value={value}>
            <Icon size={16} aria-hidden="true" /> {label}
          </MenuRadioItem>
        ))}
      </MenuRadioGroup>
    </Menu>
  );
}
