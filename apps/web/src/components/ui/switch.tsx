'use client';

import { Switch as SwitchPrimitive } from 'radix-ui';

export function Switch({
  id,
  checked,
  onCheckedChange,
  disabled,
}: {
  id: string;
  checked: boolean;
  onCheckedChange: (value: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <SwitchPrimitive.Root id={id} className="switch" checked={checked} onCheckedChange={onCheckedChange} disabled={disabled}>
      <SwitchPrimitive.Thumb className="switch__thumb" />
    </SwitchPrimitive.Root>
  );
}
