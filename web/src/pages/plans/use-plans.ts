import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { plansApi, type PlanListParams } from '../../api/plans.ts';

export function usePlans(params: PlanListParams) {
  return useQuery({
    queryKey: ['plans', 'list', params],
    queryFn: ({ signal }) => plansApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number | null) {
  return useQuery({ queryKey: ['plans', 'one', id], queryFn: () => plansApi.get(id!), enabled: id !== null });
}

/** Plans changed: lists, the plan, and the pickers that offer plans. */
export function useInvalidatePlans() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['plans'] });
}
