/**
 * Sổ khen thưởng (/khen-thuong/so-khen-thuong): every honour the user may see
 * — granted by a unit of the system or recorded from an outside body — with
 * filters, the certificate of each, and revocation in the row's drawer.
 */
import { useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../../../auth/me.ts';
import { errorMessage } from '../../../api/client.ts';
import { honoursApi } from '../../../api/honours.ts';
import { useHonours, type HonourListParams, type HonourSubject, type THonour } from '../../../api/honours-council.ts';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useDebounced } from '../../../hooks/use-debounced.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { CandidateName } from '../CandidatePickTable.tsx';
import { CertificateButtons, HonourDrawer } from './HonourDrawer.tsx';
import { HONOUR_STATUS_COLORS, honourStatusLabel, subjectLabel } from '../labels.ts';
import { RecordHonoursModal } from './RecordHonoursModal.tsx';

type Filters = Omit<HonourListParams, 'page' | 'pageSize'>;

export default function HonoursListPage() {
  const isPhone = useIsPhone();
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const { page, resetPage, pagination } = usePaging();
  const [openId, setOpenId] = useState<number | null>(null);
  const canRecord = useCan('honours.review');
  const [recording, setRecording] = useState(false);
  // A new search (once debounced) starts again from the first page: adjusted while rendering, not in an effect.
  const [searched, setSearched] = useState(q);
  if (searched !== q) {
    setSearched(q);
    resetPage();
  }
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    resetPage();
  };
  const forms = useQuery({
    queryKey: ['honours', 'award-forms', true],
    queryFn: () => honoursApi.awardForms(true),
    staleTime: 60_000,
  });
  const { data, isFetching, error } = useHonours({ ...filters, q: q || undefined, ...page });
  return (
    <div data-testid="honours-list-page">
      <PageHeader
        title={t('honoursFlow.register.title')}
        subtitle={t('honoursFlow.register.subtitle')}
        extra={
          canRecord && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => setRecording(true)}
              data-testid="honours-record-open"
            >
              {t('honoursFlow.record.open')}
            </Button>
          )
        }
      />
      <div className="dh-toolbar">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('honoursFlow.register.search')}
          style={{ width: 240 }}
          data-testid="honours-search"
        />
        <UnitSelect
          value={filters.unitId ?? null}
          onChange={(id) => set({ unitId: id ?? undefined })}
          placeholder={t('honoursFlow.register.unit')}
          style={{ width: 240 }}
          testId="honours-unit"
        />
        <Select<number>
          allowClear
          value={filters.awardFormId}
          onChange={(v) => set({ awardFormId: v ?? undefined })}
          placeholder={t('honoursFlow.register.awardForm')}
          style={{ width: 220 }}
          loading={forms.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          popupMatchSelectWidth={false}
          data-testid="honours-award-form"
        />
        <Select<HonourSubject | 'all'>
          value={filters.subject ?? 'all'}
          onChange={(v) => set({ subject: v === 'all' ? undefined : v })}
          style={{ width: 130 }}
          options={[
            { value: 'all' as const, label: t('honoursFlow.register.allSubjects') },
            ...(['collective', 'individual'] as const).map((s) => ({ value: s, label: subjectLabel(s) })),
          ]}
          data-testid="honours-subject"
        />
        <Select<'active' | 'revoked' | 'all'>
          value={filters.status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? undefined : v })}
          style={{ width: 150 }}
          options={[
            { value: 'all' as const, label: t('honoursFlow.register.allStatuses') },
            ...(['active', 'revoked'] as const).map((s) => ({ value: s, label: honourStatusLabel(s) })),
          ]}
          data-testid="honours-status"
        />
        <Select<'all' | 'internal' | 'external'>
          value={filters.external === undefined ? 'all' : filters.external ? 'external' : 'internal'}
          onChange={(v) => set({ external: v === 'all' ? undefined : v === 'external' })}
          style={{ width: 190 }}
          options={[
            { value: 'all', label: t('honoursFlow.register.allGrantors') },
            { value: 'internal', label: t('honoursFlow.register.internal') },
            { value: 'external', label: t('honoursFlow.register.external') },
          ]}
          data-testid="honours-external"
        />
        <Space.Compact>
          <IsoDatePicker
            value={filters.from ?? null}
            onChange={(from) => set({ from: from ?? undefined })}
            placeholder={t('honoursFlow.register.from')}
            style={{ width: 140 }}
          />
          <IsoDatePicker
            value={filters.to ?? null}
            onChange={(to) => set({ to: to ?? undefined })}
            placeholder={t('honoursFlow.register.to')}
            style={{ width: 140 }}
          />
        </Space.Compact>
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<THonour>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="honours-table"
        locale={{ emptyText: t('honoursFlow.honour.none') }}
        pagination={pagination(data?.total ?? 0, (total) => t('honoursFlow.register.total', { total }))}
        onRow={(h) =>
          ({
            onClick: () => setOpenId(h.id),
            style: { cursor: 'pointer' },
            'data-testid': 'honour-row',
            'data-honour-id': h.id,
            'data-status': h.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'name', title: t('honoursFlow.hc.field.candidate'), render: (_, h) => <CandidateName c={h} /> },
          {
            key: 'unit',
            title: t('honoursFlow.hc.field.unit'),
            render: (_, h) => <div style={{ minWidth: 140, maxWidth: 260, whiteSpace: 'normal' }}>{h.unit.name}</div>,
          },
          {
            key: 'award',
            title: t('honoursFlow.hc.field.awardForm'),
            render: (_, h) => (
              <div style={{ minWidth: 140, maxWidth: 260, whiteSpace: 'normal' }}>{h.awardForm.name}</div>
            ),
          },
          {
            key: 'decision',
            title: t('honoursFlow.honour.decision'),
            render: (_, h) => (
              <div style={{ minWidth: 160, maxWidth: 280, whiteSpace: 'normal' }}>
                <div>
                  {t('honoursFlow.honour.docRef', {
                    symbol: h.decision.symbol,
                    date: formatDateVi(h.decision.issuedOn),
                  })}
                </div>
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {h.grantor}
                </div>
              </div>
            ),
          },
          {
            key: 'status',
            title: t('honoursFlow.hc.field.status'),
            render: (_, h) => <Tag color={HONOUR_STATUS_COLORS[h.status]}>{honourStatusLabel(h.status)}</Tag>,
          },
          {
            key: 'certificate',
            title: t('honoursFlow.honour.certificate'),
            responsive: ['md'],
            render: (_, h) => <CertificateButtons honourId={h.id} testId={`certificate-${h.displayName}`} />,
          },
        ]}
      />
      <HonourDrawer honourId={openId} onClose={() => setOpenId(null)} />
      {recording && <RecordHonoursModal onClose={() => setRecording(false)} />}
    </div>
  );
}
