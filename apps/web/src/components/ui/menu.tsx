'use client';

import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';

/** A dropdown menu (arrow keys, typeahead, Escape) with the repo's styling. */
export function Menu({ trigger, children, align = 'end' }: { trigger: ReactNode; children: ReactNode; align?: 'start' | 'end' }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align={align} sideOffset={6}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function MenuItem({
  children,
  onSelect,
  danger = false,
  disabled = false,
  hint,
}: {
  children: ReactNode;
  onSelect?: (event: Event) => void;
  danger?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
}) {
  return (
    <DropdownMenu.Item className={`menu__item${danger ? ' menu__item--danger' : ''}`} onSelect={onSelect} disabled={disabled}>
      {children}
      {hint ? <span className="menu__hint">{hint}</span> : null}
    </DropdownMenu.Item>
  );
}

export function MenuLinkItem({ href, children }: { href: string; children: ReactNode }) {
  return (
    <DropdownMenu.Item asChild className="menu__item">
      <a href={href}>{children}</a>
    </DropdownMenu.Item>
  );
}

export const MenuSeparator = () => <DropdownMenu.Separator className="menu__separator" />;
export const MenuLabel = ({ children }: { children: ReactNode }) => (
  <DropdownMenu.Label className="menu__label">{children}</DropdownMenu.Label>
);
export const MenuRadioGroup = DropdownMenu.RadioGroup;

export function MenuRadioItem({ value, children }: { value: string; children: ReactNode }) {
  return (
    <DropdownMenu.RadioItem className="menu__item" value={value}>
      {children}
      <DropdownMenu.ItemIndicator className="menu__indicator">●</DropdownMenu.ItemIndicator>
    </DropdownMenu.RadioItem>
  );
}
