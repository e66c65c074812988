/**
 * Hình thức khen thưởng (/khen-thuong/hinh-thuc): the award forms with the
 * council rule in force today, in words, and every earlier version; system
 * administrators add forms and issue new rule versions from a date (the law
 * and decrees change; a rule that governed past councils is never rewritten).
 */
import { useState } from 'react';
import { Alert, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { honoursApi, type TAwardForm, type TAwardRule } from '../../api/honours.ts';
import { useMe } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateVi } from '../../lib/dates.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { AwardFormModal, type AwardEditing } from './AwardFormModals.tsx';

function Versions({ versions }: { versions: TAwardRule[] }) {
  return (
    <Table<TAwardRule>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...versions].reverse()}
      data-testid="award-versions"
      columns={[
        {
          key: 'dates',
          title: t('honours.rule.applies'),
          render: (_, r) =>
            r.validTo
              ? t('honours.rule.fromTo', { from: formatDateVi(r.validFrom), to: formatDateVi(r.validTo) })
              : t('honours.rule.fromOn', { from: formatDateVi(r.validFrom) }),
        },
        {
          key: 'grantor',
          title: t('honours.rule.grantor'),
          render: (_, r) =>
            [t(`honours.grantor.${r.grantorKind}` as MessageKey), r.grantorLevel?.name].filter(Boolean).join(' — '),
        },
        { key: 'summary', title: t('honours.rule.summary'), dataIndex: 'summary' },
        { key: 'legal', title: t('honours.rule.legalBasis'), render: (_, r) => r.legalBasis ?? '' },
      ]}
    />
  );
}

export default function AwardFormsPage() {
  const me = useMe();
  const admin = me.isSystemAdmin;
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<AwardEditing | null>(null);
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({
    queryKey: ['honours', 'award-forms', includeInactive],
    queryFn: () => honoursApi.awardForms(includeInactive),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['honours', 'award-forms'] });
  return (
    <>
      <PageHeader
        title={t('honours.page.title')}
        subtitle={t('honours.page.subtitle')}
        extra={
          admin && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ mode: 'create' })}
              data-testid="award-form-create"
            >
              {t('honours.form.add')}
            </Button>
          )
        }
      />
      <div className="dh-toolbar">
        <Space>
          <Switch checked={includeInactive} onChange={setIncludeInactive} data-testid="award-forms-inactive" />
          <span>{t('honours.page.includeInactive')}</span>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TAwardForm>
        rowKey="id"
        loading={isPending}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="award-forms"
        onRow={(r) => ({ 'data-testid': 'award-form-row', 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => <Versions versions={r.versions} />,
          rowExpandable: (r) => r.versions.length > 0,
        }}
        columns={[
          {
            key: 'name',
            title: t('honours.form.name'),
            render: (_, r) => (
              <Space size={6} wrap>
                <span className={r.active ? undefined : 'dh-muted'}>{r.name}</span>
                {!r.active && <Tag>{t('honours.form.inactive')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'kind',
            title: t('honours.form.kind'),
            render: (_, r) => t(`honours.kind.${r.kind}` as MessageKey),
            responsive: ['md'],
          },
          {
            key: 'subject',
            title: t('honours.form.subject'),
            render: (_, r) => t(`honours.subject.${r.subject}` as MessageKey),
            responsive: ['md'],
          },
          {
            key: 'rule',
            title: t('honours.rule.current', { date: formatDateVi(data?.onDate) }),
            render: (_, r) =>
              r.rule ? (
                <Typography.Text data-testid="award-rule-summary">{r.rule.summary}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('honours.rule.none')}</Typography.Text>
              ),
          },
          ...(admin
            ? [
                {
                  key: 'actions',
                  title: '',
                  align: 'right' as const,
                  render: (_: unknown, r: TAwardForm) => (
                    <Space size={4} wrap>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing({ mode: 'edit', form: r })}
                        data-testid={`award-form-edit-${r.code}`}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => setEditing({ mode: 'rule', form: r })}
                        data-testid={`award-rule-add-${r.code}`}
                      >
                        {t('honours.rule.add')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AwardFormModal editing={editing} onClose={() => setEditing(null)} onDone={refresh} />
    </>
  );
}
