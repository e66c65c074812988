import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogueApi, type FieldListParams } from '../../api/catalogue.ts';

export function useFields(params: FieldListParams) {
  return useQuery({
    queryKey: ['catalogue', 'fields', 'list', params],
    queryFn: ({ signal }) => catalogueApi.fields(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFieldDetail(id: number | null) {
  return useQuery({
    queryKey: ['catalogue', 'field', id],
    queryFn: () => catalogueApi.field(id!),
    enabled: id !== null,
  });
}

/** The catalogue changed: lists, details and every field picker. */
export function useInvalidateCatalogue() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['catalogue'] });
}
