'use client';

import { BookOpen, Code2, FlaskConical, Layers, LayoutDashboard, ShieldCheck } from 'lucide-react';
import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Today', Icon: LayoutDashboard },
  { href: '/review', label: 'Review', Icon: BookOpen },
  { href: '/problems', label: 'Problems', Icon: Code2 },
  { href: '/labs', label: 'Labs', Icon: FlaskConical },
  { href: '/decks', label: 'Decks', Icon: Layers },
] as const;

const ADMIN_LINK = { href: '/admin', label: 'Admin', Icon: ShieldCheck } as const;

/** The app's sections; admins also get the admin area (learners never see the link). */
export function MainNav({ isAdmin = false }: { isAdmin?: boolean }) {
  const pathname = usePathname();
  const links = isAdmin ? [...LINKS, ADMIN_LINK] : LINKS;
  return (
    <nav aria-label="Main" className="main-nav">
      {links.map(({ href, label, Icon }) => {
        const current = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={href} href={href} className="main-nav__link" aria-current={current ? 'page' : undefined}>
            <NavIcon Icon={Icon} />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}

/** The link's icon, or a spinner while the page it opens is loading (a navigation waits for the server's page). */
function NavIcon({ Icon }: { Icon: (typeof LINKS)[number]['Icon'] | typeof ShieldCheck }) {
  const { pending } = useLinkStatus();
  return pending ? <span className="spinner" role="status" aria-label="Loading" /> : <Icon size={16} aria-hidden="true" />;
}
