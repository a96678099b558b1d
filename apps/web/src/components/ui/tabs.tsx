'use client';

import { Tabs as TabsPrimitive } from 'radix-ui';
import type { ReactNode } from 'react';

export const Tabs = TabsPrimitive.Root;

export function TabList({ children, label }: { children: ReactNode; label: string }) {
  return (
    <TabsPrimitive.List className="tabs__list" aria-label={label}>
      {children}
    </TabsPrimitive.List>
  );
}

export function Tab({ value, children }: { value: string; children: ReactNode }) {
  return (
    <TabsPrimitive.Trigger className="tabs__trigger" value={value}>
      {children}
    </TabsPrimitive.Trigger>
  );
}

export function TabPanel({ value, children, className }: { value: string; children: ReactNode; className?: string }) {
  return (
    <TabsPrimitive.Content className={`tabs__content ${className ?? ''}`} value={value}>
      {children}
    </TabsPrimitive.Content>
  );
}
