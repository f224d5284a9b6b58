import { QueryClient, defaultShouldDehydrateQuery } from '@tanstack/react-query';
import superjson from 'superjson';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Stored data changes only when a sync runs; refetching on every focus would be noise.
      queries: { staleTime: 60_000 },
      // Ready for server-side prefetching: dates survive the trip into the browser's cache, and a
      // query still in flight is streamed rather than dropped.
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
