import type { RouterOutputs } from '@/ui/trpc/types';

export type RepositoryList = RouterOutputs['repositories']['list'];
export type RepositoryRow = RepositoryList['repositories'][number];
