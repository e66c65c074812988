/**
 * Đối chiếu đơn vị quản lý (/mo-hinh/doi-chieu-don-vi): exemplars whose person works in another unit than the
 * exemplar's owner, each with a one-click repair (a dated change of owner to the person's unit), and one for all
 * the repairable rows of the page. Stacked rows on phones.
 */
import { Alert, Button, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, SyncOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TOwnerDivergence } from '@common/schemas/registry.ts';
import { errorMessage } from '../../../api/client.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { formatDateVi, today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { useOwnerCheck } from './use-owner-check.ts';

const wrap = { whiteSpace: 'normal' as const, minWidth: 140, maxWidth: 320 };

export default function OwnerCheckPage() {
  const isPhone = useIsPhone();
  const { query, pagination, effectiveDate, setEffectiveDate, busy, repairable, repair } = useOwnerCheck();
  const { data, isFetching, error } = query;

  const repairButton = (row: TOwnerDivergence) =>
    row.canRepair ? (
      <Button
        size="small"
        icon={<SyncOutlined />}
        loading={busy?.includes(row.entryId)}
        disabled={busy !== null}
        onClick={() => void repair([row.entryId])}
        data-testid="owner-check-repair"
        aria-label={`${t('ownerCheck.repair')}: ${row.entryName}`}
      >
        {t('ownerCheck.repair')}
      </Button>
    ) : (
      <Tooltip title={t('ownerCheck.noRightHelp')}>
        <Typography.Text type="secondary">{t('ownerCheck.noRight')}</Typography.Text>
      </Tooltip>
    );

  return (
    <>
      <PageHeader
        title={t('ownerCheck.title')}
        extra={
          <Link to="/mo-hinh">
            <ArrowLeftOutlined /> {t('ownerCheck.back')}
          </Link>
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('ownerCheck.intro')} />
      <Space wrap style={{ marginBottom: 16 }} align="end">
        <label htmlFor="owner-check-date">{t('ownerCheck.date')}</label>
        <IsoDatePicker
          id="owner-check-date"
          noFuture
          allowClear={false}
          value={effectiveDate}
          onChange={(d) => setEffectiveDate(d ?? today())}
          style={{ width: 160 }}
          data-testid="owner-check-date"
        />
        <Popconfirm
          title={t('ownerCheck.repairAllConfirm', { count: repairable.length, date: formatDateVi(effectiveDate) })}
          okText={t('ownerCheck.repair')}
          cancelText={t('common.cancel')}
          onConfirm={() => void repair(repairable)}
          disabled={repairable.length === 0 || busy !== null}
        >
          <Button
            type="primary"
            icon={<SyncOutlined />}
            disabled={repairable.length === 0 || busy !== null}
            loading={busy !== null && busy.length > 1}
            data-testid="owner-check-repair-all"
          >
            {t('ownerCheck.repairAll', { count: repairable.length })}
          </Button>
        </Popconfirm>
      </Space>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TOwnerDivergence>
        rowKey="entryId"
        size={isPhone ? 'small' : 'middle'}
        data-testid="owner-check-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('ownerCheck.empty') }}
        pagination={pagination(data?.total ?? 0, (total) => t('registry.total', { total }))}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        onRow={(r) =>
          ({ 'data-testid': 'owner-check-row', 'data-entry-id': r.entryId }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'entry',
            title: t('ownerCheck.col.entry'),
            render: (_, r) => (
              <div style={isPhone ? { whiteSpace: 'normal' } : wrap}>
                <Link to={`/mo-hinh/${r.entryId}`}>
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {r.entryName}
                  </Typography.Text>
                </Link>
                {isPhone && (
                  // Phones: the other columns stacked under the name.
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    <div>
                      {t('ownerCheck.col.owner')}: {r.ownerUnit.name}
                    </div>
                    <div>
                      {t('ownerCheck.col.personUnit')}: {r.personUnit.name}
                    </div>
                    <div>{r.level.name}</div>
                    <div style={{ marginTop: 6 }}>{repairButton(r)}</div>
                  </div>
                )}
              </div>
            ),
          },
          { key: 'level', title: t('ownerCheck.col.level'), responsive: ['md'], render: (_, r) => r.level.name },
          {
            key: 'owner',
            title: t('ownerCheck.col.owner'),
            responsive: ['md'],
            render: (_, r) => <div style={wrap}>{r.ownerUnit.name}</div>,
          },
          {
            key: 'personUnit',
            title: t('ownerCheck.col.personUnit'),
            responsive: ['md'],
            render: (_, r) => <div style={wrap}>{r.personUnit.name}</div>,
          },
          {
            key: 'action',
            title: t('ownerCheck.col.action'),
            responsive: ['md'],
            render: (_, r) => repairButton(r),
          },
        ]}
      />
    </>
  );
}
