/** /api/v1/documents, /api/v1/document-types, /api/v1/files — the document registry (sổ văn bản). */
import { api, request } from './client.ts';
import type {
  Page,
  TCreateDocumentBody,
  TDocument,
  TDocumentType,
  TRevokeDocumentBody,
  TStoredFile,
  TUpdateDocumentBody,
} from './types.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';

/** The fields needed to cite a document. */
export type TDocumentRef = Pick<TDocument, 'id' | 'symbol' | 'issuedOn' | 'summary'>;

export interface DocumentListParams {
  q?: string;
  typeCode?: string;
  ownerUnitId?: number;
  issuer?: string;
  from?: string;
  to?: string;
  status?: 'active' | 'revoked';
  page?: number;
  pageSize?: number;
}

export const documentsApi = {
  types: () => api.get<{ items: TDocumentType[] }>('/document-types').then((r) => r.items),
  list: (params: DocumentListParams, signal?: AbortSignal) =>
    api.get<Page<TDocument>>('/documents', { ...params }, signal),
  get: (id: number) => api.get<TDocument>(`/documents/${id}`),
  create: (body: TCreateDocumentBody) => api.post<TDocument>('/documents', body),
  update: (id: number, body: TUpdateDocumentBody) => api.patch<TDocument>(`/documents/${id}`, body),
  revoke: (id: number, body: TRevokeDocumentBody) => api.post<TDocument>(`/documents/${id}/revoke`, body),
  upload: (file: File) => {
    const body = new FormData();
    body.append('file', file);
    return request<TStoredFile>('POST', '/files', { body });
  },
};

// Query hooks: the pages read and refresh this area through these.

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
