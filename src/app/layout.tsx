import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@/ui/trpc/react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Leadline', template: '%s · Leadline' },
  description: 'Engineering delivery metrics from GitHub: review turnaround, cycle time, DORA, CI health, coverage.',
  // A self-hosted dashboard of an organisation's internals: keep it out of search engines.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
