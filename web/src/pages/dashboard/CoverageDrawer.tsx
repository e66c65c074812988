/** The grassroots organisations behind a coverage bar (with or without a model on the day), paged. */
import { useState } from 'react';
import { Alert, Drawer, Table } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { overviewApi, type TCoverageUnit } from '../../api/overview.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { registryLink, type CoverageDrill } from './registry-overview-links.ts';

const PAGE_SIZE = 50;

export function CoverageDrawer({
  drill,
  unitId,
  asOf,
  onClose,
}: {
  drill: CoverageDrill | null;
  unitId?: number;
  asOf: string;
  onClose: () => void;
}) {
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const params = drill
    ? { unitId, childId: drill.childId, asOf, covered: drill.covered, page, pageSize: PAGE_SIZE }
    : null;
  const { data, isFetching, error } = useQuery({
    queryKey: ['registry', 'coverage-units', params],
    queryFn: ({ signal }) => overviewApi.coverageUnits(params!, signal),
    enabled: params !== null,
  });
  return (
    <Drawer
      open={drill !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size={isPhone ? '100%' : 720}
      title={
        drill
          ? t('overview.coverageDrawer', {
              kind: drill.covered ? t('overview.series.covered') : t('overview.series.uncovered'),
              unit: drill.name,
              date: formatDateVi(asOf),
            })
          : ''
      }
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Table<TCoverageUnit>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        data-testid="coverage-units"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { key: 'name', title: t('overview.coverage.unit'), render: (_, r) => r.name },
          { key: 'parent', title: t('overview.coverage.parent'), render: (_, r) => r.parent?.name ?? '' },
          {
            key: 'models',
            title: t('overview.coverage.models'),
            align: 'right',
            render: (_, r) =>
              r.models > 0 ? <Link to={registryLink({ asOf, unitId: r.id, kind: 'model' })}>{r.models}</Link> : 0,
          },
        ]}
      />
    </Drawer>
  );
}
