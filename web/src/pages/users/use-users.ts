import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { usersApi, type UserListParams } from '../../api/users.ts';

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => usersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['users'] });
}
