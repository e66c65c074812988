/** State of the owner check page: the page of divergences, the effective date, and the repair of some rows. */
import { useState } from 'react';
import { App } from 'antd';
import { errorMessage } from '../../../api/client.ts';
import { registryApi, useInvalidateRegistry, useOwnerDivergences } from '../../../api/registry.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';

export function useOwnerCheck() {
  const { message } = App.useApp();
  const invalidate = useInvalidateRegistry();
  const { page, pagination } = usePaging(50);
  const [effectiveDate, setEffectiveDate] = useState<string>(today());
  /** The entry ids of the repair under way ('all' for the whole page), to show which buttons spin. */
  const [busy, setBusy] = useState<number[] | null>(null);
  const query = useOwnerDivergences(page.page, page.pageSize);
  const repairable = (query.data?.items ?? []).filter((r) => r.canRepair).map((r) => r.entryId);

  const repair = async (entryIds: number[]) => {
    if (entryIds.length === 0) return;
    setBusy(entryIds);
    try {
      const done = await registryApi.repairDivergences({ entryIds, effectiveDate });
      void message.success(t('ownerCheck.done', { count: done.repaired }));
      await invalidate();
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  return { query, pagination, effectiveDate, setEffectiveDate, busy, repairable, repair };
}
