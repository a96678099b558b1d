'use client';

import { Code2, ExternalLink, Gauge, History, Layers, Users } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { QUEUE_DASHBOARD_PATH } from '@prep/contracts';

const LINKS = [
  { href: '/admin/decks', label: 'Decks', Icon: Layers },
  { href: '/admin/problems', label: 'Problems', Icon: Code2 },
  { href: '/admin/users', label: 'Users', Icon: Users },
  { href: '/admin/audit', label: 'Audit log', Icon: History },
] as const;

/** The admin area's sections: a sidebar on wide screens, a row of tabs on narrow ones. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav className="admin-nav" aria-label="Admin">
      <p className="admin-nav__title">Admin</p>
      {LINKS.map(({ href, label, Icon }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={href} href={href} className="admin-nav__link" aria-current={current ? 'page' : undefined}>
            <Icon size={16} aria-hidden="true" />
            {label}
          </Link>
        );
      })}
      {/* Bull Board is a page of the API, not of this app: a full navigation, in a new tab. */}
      <a href={QUEUE_DASHBOARD_PATH} className="admin-nav__link" target="_blank" rel="noopener">
        <Gauge size={16} aria-hidden="true" />
        Queues
        <ExternalLink size={13} aria-hidden="true" className="admin-nav__external" />
      </a>
    </nav>
  );
}
