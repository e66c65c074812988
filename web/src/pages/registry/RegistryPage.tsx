/** Mô hình, điển hình: the list officials work from — filters, search, Excel out and in, registration. */
import { useState } from 'react';
import { Alert, App, Button, Dropdown, Space } from 'antd';
import { DownOutlined, FileExcelOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { registryApi } from '../../api/registry.ts';
import type { EntryKind } from '../../api/types.ts';
import { useCan } from '../../auth/me.ts';
import { EndedUnitBanner } from '../../components/EndedUnitBanner.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { RegistryFilters } from './components/RegistryFilters.tsx';
import { RegistryTable } from './components/RegistryTable.tsx';
import { OwnerDivergenceBanner } from './owner-check/OwnerDivergenceBanner.tsx';
import { EntryFormDrawer } from './forms/EntryFormDrawer.tsx';
import { useRegistryParams } from './hooks/use-registry-params.ts';
import { useEntries, useInvalidateRegistry } from '../../api/registry.ts';
import { usePaging } from '../../hooks/use-paging.ts';

export default function RegistryPage() {
  const mayWrite = useCan('registry.write');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const invalidate = useInvalidateRegistry();
  const { filters, setFilters } = useRegistryParams();
  const { page, setPage, pagination } = usePaging();
  const [registering, setRegistering] = useState<EntryKind | null>(null);
  const [exporting, setExporting] = useState(false);
  const { data, isFetching, error } = useEntries({ ...filters, ...page });
  // An ended unit's list is its archive as it stood on its last day: nothing is registered or imported there.
  const canWrite = mayWrite && !data?.endedOn;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const name = await registryApi.exportXlsx(filters, t('registry.export.fileName', { date: today() }));
      void message.success(t('registry.export.done', { name }));
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('registry.title')}
        subtitle={t('registry.subtitle')}
        extra={
          <Space wrap>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting}
              onClick={() => void exportXlsx()}
              data-testid="registry-export"
            >
              {t('registry.export.button')}
            </Button>
            {canWrite && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => void navigate('/mo-hinh/nhap-excel')}
                data-testid="registry-import"
              >
                {t('registry.import.button')}
              </Button>
            )}
            {canWrite && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    {
                      key: 'model',
                      label: <span data-testid="registry-create-model">{t('registry.create.model')}</span>,
                    },
                    {
                      key: 'exemplar',
                      label: <span data-testid="registry-create-exemplar">{t('registry.create.exemplar')}</span>,
                    },
                  ],
                  onClick: ({ key }) => setRegistering(key as EntryKind),
                }}
              >
                <Button type="primary" icon={<PlusOutlined />} data-testid="registry-create">
                  {t('registry.create.button')} <DownOutlined />
                </Button>
              </Dropdown>
            )}
          </Space>
        }
      />
      <RegistryFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      <OwnerDivergenceBanner />
      <EndedUnitBanner endedOn={data?.endedOn} asOf={data?.asOf} />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <RegistryTable
        rows={data?.items ?? []}
        loading={isFetching}
        pagination={pagination(data?.total ?? 0, (total) => t('registry.total', { total }))}
      />
      <EntryFormDrawer
        open={registering !== null}
        kind={registering ?? 'model'}
        entry={null}
        onClose={() => setRegistering(null)}
        onSaved={(saved) => {
          void invalidate();
          void navigate(`/mo-hinh/${saved.id}`);
        }}
      />
    </>
  );
}
