/**
 * Danh mục loại đơn vị và cấp (/danh-muc-to-chuc): system administrators add
 * and edit the unit types and levels the org tree uses. Nothing is deleted —
 * old units keep their type and level — an entry no longer used is deactivated.
 */
import { useState } from 'react';
import { Alert, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import type { TLevel, TUnitType } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { t } from '../../i18n/index.ts';
import { LevelModal, type LevelEditing } from './LevelModal.tsx';
import { UnitTypeModal, type UnitTypeEditing } from './UnitTypeModal.tsx';
import { useInvalidateOrgReference, useLevelCatalogue, useUnitTypeList } from '../../api/org.ts';

type TabKey = 'types' | 'levels';

function NameCell({ name, active }: { name: string; active: boolean }) {
  return (
    <Space size={6} wrap>
      <span className={active ? undefined : 'dh-muted'}>{name}</span>
      {!active && <Tag data-testid="ref-inactive">{t('orgRef.inactive')}</Tag>}
    </Space>
  );
}

function EditButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  return (
    <Button size="small" icon={<EditOutlined />} onClick={onClick} data-testid={testId}>
      {t('common.edit')}
    </Button>
  );
}

function UnitTypesTab() {
  const { data, isPending, error } = useUnitTypeList();
  const invalidate = useInvalidateOrgReference();
  const [editing, setEditing] = useState<UnitTypeEditing | null>(null);
  const rows = data ?? [];
  const nextSortOrder = rows.reduce((max, r) => Math.max(max, r.sortOrder), 0) + 10;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="dh-page-head" style={{ marginBottom: 0 }}>
        <Typography.Text className="dh-muted" style={{ flex: '1 1 auto' }}>
          {t('orgRef.type.intro')}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create', nextSortOrder })}
          data-testid="unit-type-create"
        >
          {t('orgRef.add')}
        </Button>
      </div>
      {error && <Alert type="warning" showIcon title={errorMessage(error)} />}
      <Table<TUnitType>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('orgRef.empty') }}
        data-testid="unit-type-table"
        onRow={(r) => ({ 'data-testid': 'unit-type-row', 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'sortOrder',
            title: t('orgRef.type.sortOrder'),
            dataIndex: 'sortOrder',
            width: 90,
            align: 'right',
            responsive: ['md'],
          },
          {
            key: 'code',
            title: t('orgRef.field.code'),
            render: (_, r) => <Typography.Text code>{r.code}</Typography.Text>,
          },
          { key: 'name', title: t('orgRef.type.name'), render: (_, r) => <NameCell name={r.name} active={r.active} /> },
          {
            key: 'isParty',
            title: t('orgRef.type.isParty'),
            render: (_, r) => (r.isParty ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
          },
          {
            key: 'actions',
            title: '',
            align: 'right',
            render: (_, r) => (
              <EditButton onClick={() => setEditing({ mode: 'edit', row: r })} testId={`unit-type-edit-${r.code}`} />
            ),
          },
        ]}
      />
      <UnitTypeModal editing={editing} onClose={() => setEditing(null)} onDone={() => void invalidate()} />
    </Space>
  );
}

function LevelsTab() {
  const { data, isPending, error } = useLevelCatalogue();
  const invalidate = useInvalidateOrgReference();
  const [editing, setEditing] = useState<LevelEditing | null>(null);
  const rows = [...(data ?? [])].sort((a, b) => a.rank - b.rank || a.id - b.id);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="dh-page-head" style={{ marginBottom: 0 }}>
        <Typography.Text className="dh-muted" style={{ flex: '1 1 auto' }}>
          {t('orgRef.level.intro')}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create' })}
          data-testid="level-create"
        >
          {t('orgRef.add')}
        </Button>
      </div>
      {error && <Alert type="warning" showIcon title={errorMessage(error)} />}
      <Table<TLevel>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('orgRef.empty') }}
        data-testid="level-table"
        onRow={(r) => ({ 'data-testid': 'level-row', 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'rank', title: t('orgRef.level.rank'), dataIndex: 'rank', width: 90, align: 'right' },
          {
            key: 'code',
            title: t('orgRef.field.code'),
            render: (_, r) => <Typography.Text code>{r.code}</Typography.Text>,
          },
          {
            key: 'name',
            title: t('orgRef.level.name'),
            render: (_, r) => <NameCell name={r.name} active={r.active} />,
          },
          {
            key: 'actions',
            title: '',
            align: 'right',
            render: (_, r) => (
              <EditButton onClick={() => setEditing({ mode: 'edit', row: r })} testId={`level-edit-${r.code}`} />
            ),
          },
        ]}
      />
      <LevelModal editing={editing} onClose={() => setEditing(null)} onDone={() => void invalidate()} />
    </Space>
  );
}

export default function OrgReferencePage() {
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'levels' ? 'levels' : 'types';
  return (
    <>
      <PageHeader title={t('orgRef.title')} subtitle={t('orgRef.subtitle')} />
      <Alert
        type="info"
        showIcon
        title={t('orgRef.noDelete')}
        style={{ marginBottom: 16 }}
        data-testid="ref-no-delete-hint"
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'levels' ? { tab: 'levels' } : {}, { replace: true })}
        items={[
          {
            key: 'types',
            label: <span data-testid="ref-tab-types">{t('orgRef.tab.types')}</span>,
            children: <UnitTypesTab />,
          },
          {
            key: 'levels',
            label: <span data-testid="ref-tab-levels">{t('orgRef.tab.levels')}</span>,
            children: <LevelsTab />,
          },
        ]}
      />
    </>
  );
}
