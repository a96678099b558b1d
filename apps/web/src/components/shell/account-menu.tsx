'use client';

import { ChevronDown, LogOut, Settings } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../lib/api/browser';
import { Menu, MenuItem, MenuLabel, MenuLinkItem, MenuSeparator } from '../ui/menu';
import { useToast } from '../ui/toast';

export function AccountMenu({ email, displayName }: { email: string; displayName: string | null }) {
  const router = useRouter();
  const notify = useToast();
  const [pending, setPending] = useState(false);
  const initial = (displayName || email).trim().charAt(0).toUpperCase();

  async function signOut() {
    setPending(true);
    const result = await api.post('/api/auth/logout', null);
    setPending(false);
    if (!result.ok) {
      notify({ tone: 'danger', title: 'Could not sign out', description: result.message });
      return;
    }
    router.replace('/');
    router.refresh();
  }

  return (
    <Menu
      trigger={
        <button type="button" className="button button--ghost account-trigger" aria-label={`Account: ${email}`} disabled={pending}>
          <span className="avatar" aria-hidden="true">
            {initial}
          </span>
          <span className="account-trigger__email" data-testid="header-email">
            {email}
          </span>
          <ChevronDown size={14} aria-hidden="true" />
        </button>
      }
    >
      <MenuLabel>{displayName || 'Signed in'}</MenuLabel>
      <MenuLinkItem href="/settings">
        <Settings size={16} aria-hidden="true" /> Settings
      </MenuLinkItem>
      <MenuSeparator />
      <MenuItem onSelect={() => void signOut()}>
        <LogOut size={16} aria-hidden="true" /> Sign out
      </MenuItem>
    </Menu>
  );
}
