/** The entries behind one number of the movement table, with the span (level, dates) that counts them. */
import { useState } from 'react';
import { Alert, Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import type { LedgerParams } from '../../api/registry.ts';
import type { TLedgerEntry } from '../../api/types.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { EntryStatusTag } from '../registry/components/EntryStatusTag.tsx';
import { useLedgerEntries } from '../../api/registry.ts';
import { bucketLabel, kindLabel } from '../registry/labels.ts';
import type { Drill } from './LedgerPage.tsx';

const PAGE_SIZE = 100;

export function LedgerDrawer({
  drill,
  params,
  onClose,
}: {
  drill: Drill | null;
  params: LedgerParams | null;
  onClose: () => void;
}) {
  const isPhone = useIsPhone();
  // Each drill-down starts on its first page.
  const [paged, setPaged] = useState<{ drill: Drill | null; page: number }>({ drill, page: 1 });
  const page = paged.drill === drill ? paged.page : 1;
  const setPage = (next: number) => setPaged({ drill, page: next });
  const query =
    drill && params
      ? { ...params, levelId: drill.levelId ?? params.levelId, bucket: drill.bucket, page, pageSize: PAGE_SIZE }
      : null;
  const { data, isFetching, error } = useLedgerEntries(query);

  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 820}
      title={
        drill
          ? t('ledger.drawerTitle', { bucket: bucketLabel(drill.bucket), level: drill.levelName, count: drill.count })
          : ''
      }
      destroyOnHidden
    >
      {params && (
        <Typography.Paragraph type="secondary">
          {t('ledger.period', { from: formatDateVi(params.from), to: formatDateVi(params.to) })}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Table<TLedgerEntry>
        rowKey={(r) => `${r.id}-${r.span.validFrom}-${r.span.level.id}`}
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        data-testid="ledger-entries"
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': 'ledger-entry', 'data-entry-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          size: 'small',
        }}
        columns={[
          {
            key: 'name',
            title: t('registry.field.name'),
            render: (_, r) => (
              <div style={{ minWidth: 180, maxWidth: 320, whiteSpace: 'normal' }}>
                <Link to={`/mo-hinh/${r.id}`}>{r.name}</Link>
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {kindLabel(r.kind)} · {r.ownerUnit.name}
                </div>
              </div>
            ),
          },
          {
            key: 'field',
            title: t('registry.field.field'),
            responsive: ['md'],
            render: (_, r) => (
              <span style={{ display: 'inline-block', maxWidth: 180, whiteSpace: 'normal' }}>{r.field.name}</span>
            ),
          },
          { key: 'level', title: t('registry.field.level'), render: (_, r) => r.span.level.name },
          {
            key: 'span',
            title: t('ledger.span'),
            render: (_, r) =>
              r.span.validTo
                ? t('registry.monitor.range', {
                    from: formatDateVi(r.span.validFrom),
                    to: formatDateVi(r.span.validTo),
                  })
                : t('registry.monitor.since', { from: formatDateVi(r.span.validFrom) }),
          },
          { key: 'status', title: t('registry.field.status'), render: (_, r) => <EntryStatusTag status={r.status} /> },
        ]}
      />
    </Drawer>
  );
}
