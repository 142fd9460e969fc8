/**
 * Page state kept in the query string (filters, search, sort, page), so that every view has an
 * address to share and the back button undoes a filter.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export function useQueryState<K extends string>(
  names: readonly K[],
): [Record<K, string | null>, (changes: Partial<Record<K, string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((name) => [name, params.get(name)])) as Record<K, string | null>;
  const update = useCallback(
    (changes: Partial<Record<K, string | null>>) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes) as [string, string | null | undefined][]) {
          if (value === null || value === undefined || value === '') next.delete(name);
          else next.set(name, value);
        }
        return next;
      });
    },
    [setParams],
  );
  return [values, update];
}
