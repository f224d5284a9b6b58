import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import Script from 'next/script';
import { Suspense, type ReactNode } from 'react';
import { NavLinks } from '@/ui/shell/nav-links';
import { THEME_SCRIPT, ThemeToggle } from '@/ui/shell/theme-toggle';
import { TRPCReactProvider } from '@/ui/trpc/react';
import './globals.css';
import './dashboard.css';

export const metadata: Metadata = {
  title: { default: 'Leadline', template: '%s · Leadline' },
  description: 'Engineering delivery metrics from GitHub: review turnaround, cycle time, DORA, CI health, coverage.',
  // A self-hosted dashboard of an organisation's internals: keep it out of search engines.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The Content Security Policy's script nonce for this request (src/proxy.ts).
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // data-theme is set before hydration by THEME_SCRIPT from the reader's stored pick.
    <html lang="en" suppressHydrationWarning>
      <body>
        <Script id="theme" strategy="beforeInteractive" nonce={nonce}>
          {THEME_SCRIPT}
        </Script>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Leadline
          </Link>
          <Suspense fallback={<nav className="nav-links" aria-label="Sections" />}>
            <NavLinks />
          </Suspense>
          <ThemeToggle />
        </header>
        <TRPCReactProvider>
          <div id="main">{children}</div>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
