/** The key facts of an entry: who, what, where, at which level, under which plan; then its content, goals, commitments. */
import type { ReactNode } from 'react';
import { Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import type { TEntryDetail } from '../../../api/types.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { kindLabel } from '../labels.ts';

interface Fact {
  key: string;
  label: string;
  value: ReactNode;
  wide?: boolean;
}

const text = (value: string | null) =>
  value ? (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{value}</Typography.Paragraph>
  ) : (
    <span className="dh-muted">—</span>
  );

export function EntryFacts({ entry }: { entry: TEntryDetail }) {
  const model = entry.kind === 'model';
  const facts: Fact[] = [
    { key: 'kind', label: t('registry.field.kind'), value: kindLabel(entry.kind) },
    { key: 'owner', label: t('registry.field.ownerUnit'), value: entry.ownerUnit.name },
    ...(entry.person ? [{ key: 'person', label: t('registry.field.person'), value: entry.person.name }] : []),
    ...(!model ? [{ key: 'position', label: t('registry.field.position'), value: entry.position ?? '—' }] : []),
    ...(!model ? [{ key: 'party', label: t('registry.field.partyUnit'), value: entry.partyUnit?.name ?? '—' }] : []),
    { key: 'field', label: t('registry.field.field'), value: entry.field.name },
    {
      key: 'level',
      label: t('registry.field.level'),
      value: <span data-testid="entry-level">{entry.level.name}</span>,
    },
    {
      key: 'startedOn',
      label: t('registry.field.startedOn'),
      value: entry.startedOn ? formatDateVi(entry.startedOn) : '—',
    },
    ...(model
      ? [{ key: 'responsible', label: t('registry.field.responsibleUnit'), value: entry.responsibleUnit?.name ?? '—' }]
      : []),
    ...(entry.replacedBy
      ? [
          {
            key: 'replacedBy',
            label: t('registry.field.replacedBy'),
            value: <Link to={`/mo-hinh/${entry.replacedBy.id}`}>{entry.replacedBy.name}</Link>,
          },
        ]
      : []),
    {
      key: 'plan',
      label: t('registry.field.plan'),
      wide: true,
      value: entry.plan ? <Link to={`/ke-hoach/${entry.plan.id}`}>{entry.plan.title}</Link> : '—',
    },
    {
      key: 'content',
      label: model ? t('registry.field.content') : t('registry.field.personalPlan'),
      wide: true,
      value: text(entry.content),
    },
    ...(model ? [{ key: 'goals', label: t('registry.field.goals'), wide: true, value: text(entry.goals) }] : []),
    { key: 'commitments', label: t('registry.field.commitments'), wide: true, value: text(entry.commitments) },
  ];
  return (
    <Row gutter={[16, 12]} data-testid="entry-facts">
      {facts.map((f) => (
        <Col key={f.key} xs={24} sm={f.wide ? 24 : 12} lg={f.wide ? 24 : 8}>
          <div className="dh-muted" style={{ fontSize: 12 }}>
            {f.label}
          </div>
          <div>{f.value}</div>
        </Col>
      ))}
    </Row>
  );
}
