/**
 * Giải thể: the unit ends on the effective date (the server refuses while it still has sub-units or people, or
 * models and exemplars on the list). The dialog lists those entries, each with a link to its record where it can
 * be moved to another unit, transferred out or removed, and keeps the submit disabled while any remain; a 409
 * UNIT_HAS_ACTIVE_ENTRIES (one recorded meanwhile) reloads that list.
 */
import { Alert, App, Card } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TUnitDetail } from '../../../api/types.ts';
import { isApiError } from '../../../api/client.ts';
import { orgApi, useActiveEntries } from '../../../api/org.ts';
import { ChangeFields, type ChangeValues } from '../../../components/ChangeFields.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { t } from '../../../i18n/index.ts';
import { ActiveEntriesList } from './ActiveEntriesList.tsx';
import { changeDefaults } from './defaults.ts';

interface Props {
  open: boolean;
  unit: TUnitDetail;
  onClose: () => void;
  onDone: (unit: TUnitDetail) => void;
}

export function DissolveUnitModal({ open, unit, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const remaining = useActiveEntries([unit.id], open);
  const blocked = remaining.items.length > 0;
  return (
    <FormModal<ChangeValues>
      open={open}
      title={t('org.actions.dissolveTitle', { name: unit.name })}
      testId="dissolve-unit"
      danger
      okDisabled={blocked || remaining.isPending}
      okText={t('org.actions.dissolve')}
      onClose={onClose}
      initialValues={changeDefaults()}
      onSubmit={async (values) => {
        try {
          return await orgApi.dissolve(unit.id, {
            ...values,
            documentId: values.documentId ?? null,
            revision: unit.revision,
          });
        } catch (error) {
          // 409: UNIT_HAS_ACTIVE_ENTRIES (or the unit changed meanwhile): reload what blocks it.
          if (isApiError(error) && error.status === 409)
            void client.invalidateQueries({ queryKey: ['org', 'active-entries', unit.id] });
          throw error;
        }
      }}
      onDone={(result) => {
        void message.success(t('org.done.dissolved', { name: unit.name }));
        onDone(result as TUnitDetail);
      }}
    >
      <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('org.form.dissolveHelp')} />
      <Card size="small" title={t('restructure.split.title')} style={{ marginBottom: 16 }}>
        {blocked ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="dissolve-unit-blocked"
            title={t('restructure.dissolve.blocked', { count: remaining.items.length })}
          />
        ) : null}
        <ActiveEntriesList
          entries={remaining.items}
          loading={remaining.isPending}
          testId="dissolve-unit-entries"
          fate={(e) => (
            <Link to={`/mo-hinh/${e.id}`} target="_blank" rel="noreferrer">
              {t('restructure.dissolve.open')}
            </Link>
          )}
        />
      </Card>
      <ChangeFields testId="dissolve-unit" />
    </FormModal>
  );
}
