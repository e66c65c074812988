import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { peopleApi, type PeopleListParams } from '../../api/people.ts';

export function usePeople(params: PeopleListParams) {
  return useQuery({
    queryKey: ['people', params],
    queryFn: ({ signal }) => peopleApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidatePeople() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['people'] });
}
