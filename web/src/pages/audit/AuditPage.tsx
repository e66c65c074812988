/** Nhật ký hệ thống: who did what and when, newest first; each row opens its before/after. */
import { useState } from 'react';
import { Alert, Table, Tag, Tooltip } from 'antd';
import { ApiOutlined, RobotOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { TAuditEvent } from '../../api/types.ts';
import { useCan, useMe } from '../../auth/me.ts';
import { roleCan } from '@common/roles.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateTimeVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { AuditIntegrity } from './AuditIntegrity.tsx';
import { useAuditEvents } from '../../api/audit.ts';
import { usePaging } from '../../hooks/use-paging.ts';

function actionColor(action: string): string {
  if (action === 'audit.verified') return 'geekblue';
  // Reads and exports of personal data (xem, tải, xuất).
  if (/\.(viewed|exported|downloaded)$/.test(action)) return 'cyan';
  if (action.startsWith('auth.login_failed') || action.startsWith('auth.locked')) return 'red';
  if (action.startsWith('auth.') || action.startsWith('token.')) return 'default';
  if (action.startsWith('org.')) return 'blue';
  if (action.startsWith('user.') || action.startsWith('grant.')) return 'purple';
  if (action.startsWith('person.')) return 'green';
  if (action.startsWith('document.') || action.startsWith('file.')) return 'gold';
  return 'default';
}

export default function AuditPage() {
  const isPhone = useIsPhone();
  const canPickActor = useCan('users.read');
  // The check is for readers of the whole log: system administrators, and auditors (the server decides for a subtree).
  const me = useMe();
  const canVerify = me.isSystemAdmin || me.grants.some((g) => g.role !== 'admin' && roleCan(g.role, 'audit.read'));
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const { page, setPage, pagination } = usePaging();
  const { data, isFetching, error } = useAuditEvents({ ...filters, ...page });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={canVerify ? <AuditIntegrity /> : undefined}
      />
      <AuditFilters
        value={filters}
        canPickActor={canPickActor}
        onChange={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TAuditEvent>
        rowKey="id"
        size="middle"
        data-testid="audit-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 980 }}
        expandable={{ expandedRowRender: (event) => <AuditDiff event={event} />, expandRowByClick: isPhone }}
        onRow={(event) =>
          ({ 'data-testid': 'audit-row', 'data-action': event.action }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={pagination(data?.total ?? 0, (total) => t('common.totalRows', { total }))}
        columns={[
          {
            key: 'at',
            title: t('audit.col.at'),
            width: 140,
            render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeVi(e.occurredAt)}</span>,
          },
          {
            key: 'actor',
            title: t('audit.col.actor'),
            width: 200,
            render: (_, e) => (
              <span>
                {e.actorName}{' '}
                {e.via === 'token' && (
                  <Tooltip title={t('audit.via.token')}>
                    <ApiOutlined className="dh-muted" />
                  </Tooltip>
                )}
                {e.via === 'system' && (
                  <Tooltip title={t('audit.via.system')}>
                    <RobotOutlined className="dh-muted" />
                  </Tooltip>
                )}
              </span>
            ),
          },
          {
            key: 'action',
            title: t('audit.col.action'),
            width: 210,
            render: (_, e) => (
              <Tag color={actionColor(e.action)} style={{ whiteSpace: 'normal' }}>
                {e.actionLabel}
              </Tag>
            ),
          },
          {
            key: 'summary',
            title: t('audit.col.summary'),
            render: (_, e) => (
              <div style={{ whiteSpace: 'normal' }}>
                {e.summary}
                {e.unitName && (
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    {t('audit.inUnit', { unit: e.unitName })}
                  </div>
                )}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
