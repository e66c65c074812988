/** One version of a criteria set, read-only: sub-criteria indented under their parent. */
import { Table, Typography } from 'antd';
import type { TCriterion } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';
import { measureLabel, ruleLabel } from './labels.ts';

function depthOf(criteria: TCriterion[]): Map<string, number> {
  const depth = new Map<string, number>();
  for (const c of criteria) depth.set(c.code, c.parentCode ? (depth.get(c.parentCode) ?? 0) + 1 : 0);
  return depth;
}

export function CriteriaTable({ criteria }: { criteria: TCriterion[] }) {
  const depth = depthOf(criteria);
  return (
    <Table<TCriterion>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={criteria}
      scroll={{ x: 'max-content' }}
      data-testid="criteria-table"
      onRow={() => ({ 'data-testid': 'criterion-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'code',
          title: t('catalogue.criterion.code'),
          render: (_, c) => (
            <Typography.Text strong style={{ paddingInlineStart: (depth.get(c.code) ?? 0) * 16 }}>
              {c.code}
            </Typography.Text>
          ),
        },
        {
          key: 'title',
          title: t('catalogue.criterion.title'),
          render: (_, c) => (
            <span
              style={{
                display: 'inline-block',
                minWidth: 200,
                maxWidth: 340,
                whiteSpace: 'normal',
                paddingInlineStart: (depth.get(c.code) ?? 0) * 16,
              }}
            >
              {c.title}
            </span>
          ),
        },
        {
          key: 'measure',
          title: t('catalogue.criterion.measure'),
          width: 90,
          render: (_, c) => measureLabel(c.measure),
        },
        {
          key: 'rule',
          title: t('catalogue.criterion.rule'),
          render: (_, c) => (
            <span style={{ display: 'inline-block', maxWidth: 130, whiteSpace: 'normal' }}>{ruleLabel(c.rule)}</span>
          ),
        },
        {
          key: 'target',
          title: t('catalogue.criterion.target'),
          align: 'right',
          render: (_, c) =>
            c.target === null ? '—' : `${c.target.toLocaleString('vi-VN')}${c.measure === 'percent' ? '%' : ''}`,
        },
        {
          key: 'scaleMax',
          title: t('catalogue.criterion.scaleMax'),
          align: 'right',
          render: (_, c) => (c.scaleMax === null ? '—' : c.scaleMax.toLocaleString('vi-VN')),
        },
      ]}
    />
  );
}
