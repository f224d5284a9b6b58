'use client';
/** The site's sections; the dashboard filters travel along, so switching view keeps the selection. */
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

const SECTIONS = [
  { href: '/', label: 'Overview', keepsFilters: true },
  { href: '/pulls', label: 'Pull requests', keepsFilters: true },
  { href: '/reports', label: 'Reports', keepsFilters: false },
  { href: '/sync', label: 'Sync', keepsFilters: false },
] as const;

/** Parameters that belong to one view (the explanation panel), not to the selection. */
const VIEW_ONLY = new Set(['explain', 'week', 'sort', 'dir', 'q']);

export function NavLinks() {
  const pathname = usePathname();
  const search = useSearchParams();
  const kept = new URLSearchParams([...search.entries()].filter(([key]) => !VIEW_ONLY.has(key))).toString();
  return (
    <nav aria-label="Sections" className="nav-links">
      {SECTIONS.map((s) => {
        const current = s.href === '/' ? pathname === '/' || pathname.startsWith('/repos/') : pathname.startsWith(s.href);
        return (
          <Link key={s.href} href={s.keepsFilters && kept ? `${s.href}?${kept}` : s.href} aria-current={current ? 'page' : undefined}>
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
