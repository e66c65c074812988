/**
 * State of the lazily loaded tree: the children fetched for each opened node
 * (page by page), which nodes are open, and how to reveal a unit deep inside.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { orgApi } from '../../../api/org.ts';
import type { TUnitSummary } from '../../../api/types.ts';

export const ROOT_KEY = 'root';
const PAGE_SIZE = 200;

export interface ChildList {
  items: TUnitSummary[];
  total: number;
  page: number;
}

export interface OrgTreeState {
  children: Record<string, ChildList>;
  expandedKeys: string[];
  loadedKeys: string[];
  rootLoading: boolean;
  rootError: unknown;
  setExpandedKeys: (keys: string[]) => void;
  loadChildren: (key: string) => Promise<void>;
  loadMore: (key: string) => Promise<void>;
  reveal: (ancestorIds: number[]) => Promise<void>;
  reload: () => Promise<void>;
}

function parentQuery(key: string) {
  return key === ROOT_KEY ? {} : { parentId: Number(key) };
}

export function useOrgTree(asOf: string): OrgTreeState {
  const [children, setChildren] = useState<Record<string, ChildList>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [rootLoading, setRootLoading] = useState(true);
  const [rootError, setRootError] = useState<unknown>(null);
  // Latest state for async helpers that run across several awaits.
  const latest = useRef({ children, expandedKeys });
  useEffect(() => {
    latest.current = { children, expandedKeys };
  });

  const fetchList = useCallback(
    async (key: string, page: number, pageSize = PAGE_SIZE): Promise<ChildList> => {
      const result = await orgApi.units({ ...parentQuery(key), asOf, page, pageSize });
      return { items: result.items, total: result.total, page };
    },
    [asOf],
  );

  const loadChildren = useCallback(
    async (key: string) => {
      if (latest.current.children[key]) return;
      const list = await fetchList(key, 1);
      setChildren((prev) => ({ ...prev, [key]: list }));
      latest.current.children = { ...latest.current.children, [key]: list };
    },
    [fetchList],
  );

  const loadMore = useCallback(
    async (key: string) => {
      const current = latest.current.children[key];
      if (!current) return;
      const next = await fetchList(key, current.page + 1);
      setChildren((prev) => {
        const base = prev[key] ?? current;
        const known = new Set(base.items.map((u) => u.id));
        return {
          ...prev,
          [key]: {
            items: [...base.items, ...next.items.filter((u) => !known.has(u.id))],
            total: next.total,
            page: next.page,
          },
        };
      });
    },
    [fetchList],
  );

  // A new date is a new tree: start again from the top units (the next effect loads them and opens the first).
  const [treeDate, setTreeDate] = useState(asOf);
  if (treeDate !== asOf) {
    setTreeDate(asOf);
    setRootLoading(true);
    setRootError(null);
    setChildren({});
  }
  useEffect(() => {
    let cancelled = false;
    latest.current.children = {};
    fetchList(ROOT_KEY, 1)
      .then(async (list) => {
        if (cancelled) return;
        const first = list.items[0];
        const opened: Record<string, ChildList> = { [ROOT_KEY]: list };
        if (first && first.childCount > 0 && list.items.length === 1) {
          opened[String(first.id)] = await fetchList(String(first.id), 1);
        }
        if (cancelled) return;
        setChildren(opened);
        latest.current.children = opened;
        setExpandedKeys((keys) => {
          const kept = keys.filter((k) => opened[k]);
          return kept.length > 0 ? kept : Object.keys(opened).filter((k) => k !== ROOT_KEY);
        });
      })
      .catch((error: unknown) => !cancelled && setRootError(error))
      .finally(() => !cancelled && setRootLoading(false));
    return () => {
      cancelled = true;
    };
  }, [fetchList]);

  /** Open every ancestor (top first) that is inside the visible tree, loading children as needed. */
  const reveal = useCallback(
    async (ancestorIds: number[]) => {
      const visible = (id: number) =>
        Object.values(latest.current.children).some((l) => l.items.some((u) => u.id === id));
      const opened: string[] = [];
      for (const id of ancestorIds) {
        if (!visible(id)) continue;
        await loadChildren(String(id));
        opened.push(String(id));
      }
      setExpandedKeys((keys) => [...new Set([...keys, ...opened])]);
    },
    [loadChildren],
  );

  /** Refetch every list already shown (after a change), keeping open nodes open where they still exist. */
  const reload = useCallback(async () => {
    const keys = Object.keys(latest.current.children);
    const lists = await Promise.all(
      keys.map(async (key) => {
        const shown = latest.current.children[key]?.items.length ?? 0;
        try {
          return [key, await fetchList(key, 1, Math.min(500, Math.max(PAGE_SIZE, shown)))] as const;
        } catch {
          return null; // the unit is gone (merged, dissolved, out of reach)
        }
      }),
    );
    const next: Record<string, ChildList> = {};
    for (const entry of lists) if (entry) next[entry[0]] = entry[1];
    setChildren(next);
    latest.current.children = next;
  }, [fetchList]);

  return {
    children,
    expandedKeys,
    loadedKeys: Object.keys(children),
    rootLoading,
    rootError,
    setExpandedKeys,
    loadChildren,
    loadMore,
    reveal,
    reload,
  };
}
