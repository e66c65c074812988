import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentsApi, type DocumentListParams } from '../../api/documents.ts';

export function useDocuments(params: DocumentListParams) {
  return useQuery({
    queryKey: ['documents', 'list', params],
    queryFn: ({ signal }) => documentsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: number | null) {
  return useQuery({ queryKey: ['documents', 'one', id], queryFn: () => documentsApi.get(id!), enabled: id !== null });
}

export function useDocumentTypes() {
  return useQuery({ queryKey: ['documents', 'types'], queryFn: documentsApi.types, staleTime: 10 * 60_000 });
}

/** Documents changed: refresh lists, pickers, and the org history that cites them. */
export function useInvalidateDocuments() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['documents'] }),
      client.invalidateQueries({ queryKey: ['org', 'history'] }),
    ]);
}
