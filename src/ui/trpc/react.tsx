'use client';
/**
 * The browser's tRPC client over react-query: `useTRPC()` in client components gives typed query
 * options, e.g. `useQuery(trpc.repositories.list.queryOptions())`.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/api/root';
import { makeQueryClient } from './query-client';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server, one client per request so users never share a cache; in the browser, one for
  // the page's lifetime, kept outside React so a suspending first render does not lose it.
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

function trpcUrl(): string {
  if (typeof window !== 'undefined') return '/api/trpc';
  // Client components also render once on the server, where a relative URL means nothing.
  return `http://localhost:${process.env.PORT ?? 3000}/api/trpc`;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // At most 10 calls a request: the server refuses batches over MAX_BATCH_SIZE (src/server/api/http.ts).
      links: [httpBatchLink({ url: trpcUrl(), transformer: superjson, maxItems: 10 })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
