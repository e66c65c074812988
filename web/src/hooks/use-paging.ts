/**
 * Server-side paging for a list page: the current page and size, a reset for
 * when filters change, and the antd Table pagination props (sizes, Vietnamese
 * total, compact on phones).
 */
import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import { useIsPhone } from './use-is-phone.ts';

export const PAGE_SIZE_OPTIONS = [20, 50, 100, 200];

export function usePaging(initialPageSize = 50) {
  const isPhone = useIsPhone();
  const [page, setPage] = useState({ page: 1, pageSize: initialPageSize });
  const resetPage = useCallback(() => setPage((p) => (p.page === 1 ? p : { ...p, page: 1 })), []);
  const pagination = (total: number, showTotal: (formatted: string) => string): TablePaginationConfig => ({
    current: page.page,
    pageSize: page.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: (n) => showTotal(n.toLocaleString('vi-VN')),
    onChange: (p, size) => setPage({ page: size !== page.pageSize ? 1 : p, pageSize: size }),
    size: isPhone ? 'small' : undefined,
  });
  return { page, setPage, resetPage, pagination };
}
