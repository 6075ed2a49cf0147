import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from './client.ts';

type Filter = Record<string, string | number | undefined | null>;

/** A keyset-paged list with a "load more" action. */
export function useKeysetList<T>(key: string, path: string, filter: Filter, pageSize = 50, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: [key, 'list', filter],
    queryFn: ({ pageParam }) => api.get<Page<T>>(path, { ...filter, limit: pageSize, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}
