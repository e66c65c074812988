/** Cán bộ, đảng viên: the people registry of the units the user may see. */
import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { peopleApi } from '../../api/people.ts';
import { errorMessage } from '../../api/client.ts';
import type { TPerson } from '../../api/types.ts';
import { useCan } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { t } from '../../i18n/index.ts';
import { LeavePersonModal } from './LeavePersonModal.tsx';
import { PeopleFilters, type PeopleFilterValues } from './PeopleFilters.tsx';
import { PeopleTable, type PersonAction } from './PeopleTable.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { PersonRecordDrawer } from './PersonRecordDrawer.tsx';
import { useInvalidatePeople, usePeople } from '../../api/people.ts';
import { usePaging } from '../../hooks/use-paging.ts';

export default function PeoplePage() {
  const canWrite = useCan('people.write');
  const { message, modal } = App.useApp();
  const invalidate = useInvalidatePeople();
  const [filters, setFilters] = useState<PeopleFilterValues>({ status: 'active' });
  const { page, setPage, pagination } = usePaging();
  const [editing, setEditing] = useState<TPerson | 'new' | null>(null);
  const [leaving, setLeaving] = useState<TPerson | null>(null);
  const [viewing, setViewing] = useState<TPerson | null>(null);
  const { data, isFetching, error } = usePeople({ ...filters, ...page });

  const reinstate = (person: TPerson) =>
    modal.confirm({
      title: t('people.reinstateConfirm', { name: person.fullName }),
      okText: t('people.reinstate'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await peopleApi.reinstate(person.id, person.revision);
          void message.success(t('people.done.reinstated', { name: person.fullName }));
          await invalidate();
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });

  const onAction = (action: PersonAction, person: TPerson) => {
    if (action === 'edit') setEditing(person);
    else if (action === 'leave') setLeaving(person);
    else reinstate(person);
  };

  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setEditing('new')}
              data-testid="person-create"
            >
              {t('people.create')}
            </Button>
          )
        }
      />
      <PeopleFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <PeopleTable
        rows={data?.items ?? []}
        loading={isFetching}
        canWrite={canWrite}
        onAction={onAction}
        onOpen={setViewing}
        pagination={pagination(data?.total ?? 0, (total) => t('people.total', { total }))}
      />
      <PersonDrawer person={editing} onClose={() => setEditing(null)} onSaved={() => void invalidate()} />
      <PersonRecordDrawer person={viewing} onClose={() => setViewing(null)} />
      <LeavePersonModal person={leaving} onClose={() => setLeaving(null)} onDone={() => void invalidate()} />
    </>
  );
}
