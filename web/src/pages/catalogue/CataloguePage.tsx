/**
 * Danh mục lĩnh vực và tiêu chí (/danh-muc): the fields / model types — global
 * ones and those of the user's organisations — each with its versions of
 * criteria. A new version is issued with the full list from a date; earlier
 * versions stay as they were (read-only), so old evaluations keep their meaning.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Input,
  List,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined, PlusOutlined, ReconciliationOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { FIELD_APPLIES_TO, type FieldAppliesTo } from '@common/schemas/catalogue.ts';
import { errorMessage } from '../../api/client.ts';
import type { TField, TFieldDetail } from '../../api/types.ts';
import { useCan, useMe } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateTimeVi, formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { CriteriaTable } from './CriteriaTable.tsx';
import { CreateFieldModal, EditFieldModal, NewCriteriaSetModal } from './FieldModals.tsx';
import { appliesToLabel } from './labels.ts';
import { useFieldDetail, useFields, useInvalidateCatalogue } from '../../api/catalogue.ts';

type Scope = 'all' | 'global' | 'unit';

function FieldTags({ field }: { field: TField }) {
  return (
    <Space size={4} wrap>
      {field.ownerUnitId === null ? (
        <Tag color="red">{t('catalogue.scope.global')}</Tag>
      ) : (
        <Tag color="blue">{field.ownerUnitName}</Tag>
      )}
      <Tag>{appliesToLabel(field.appliesTo)}</Tag>
      {!field.active && <Tag color="default">{t('catalogue.inactive')}</Tag>}
    </Space>
  );
}

function FieldDetail({
  id,
  onEdit,
  onNewSet,
}: {
  id: number;
  onEdit: (f: TFieldDetail) => void;
  onNewSet: (f: TFieldDetail) => void;
}) {
  const { data: field, isPending, error } = useFieldDetail(id);
  if (isPending)
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (error || !field)
    return (
      <Card size="small">
        <Alert type="warning" showIcon title={errorMessage(error)} />
      </Card>
    );
  const now = today();
  const sets = [...field.criteriaSets].reverse();
  return (
    <Card size="small" data-testid="field-detail" data-field-id={field.id}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div className="dh-page-head" style={{ marginBottom: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, flex: '1 1 auto' }} data-testid="field-name-view">
            {field.name}
          </Typography.Title>
          {field.canWrite && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => onEdit(field)} data-testid="field-edit-open">
                {t('catalogue.edit')}
              </Button>
              <Button
                type="primary"
                icon={<ReconciliationOutlined />}
                onClick={() => onNewSet(field)}
                data-testid="criteria-set-open"
              >
                {t('catalogue.newSet')}
              </Button>
            </Space>
          )}
        </div>
        <FieldTags field={field} />
        <Typography.Text type="secondary">{t('catalogue.codeLine', { code: field.code })}</Typography.Text>
        {field.description && (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{field.description}</Typography.Paragraph>
        )}
        {sets.length === 0 ? (
          <Empty description={t('catalogue.noSets')} />
        ) : (
          <Tabs
            // A new version opens on itself.
            key={`${field.id}-${sets.length}`}
            size="small"
            defaultActiveKey={String(field.currentCriteriaSet?.id ?? sets[0]!.id)}
            data-testid="criteria-versions"
            items={sets.map((set) => {
              const current = set.id === field.currentCriteriaSet?.id;
              const future = set.effectiveFrom > now;
              return {
                key: String(set.id),
                label: (
                  <span data-testid="criteria-version-tab" data-version={set.version}>
                    {t('catalogue.version', { version: set.version })}{' '}
                    {current ? (
                      <Tag color="green">{t('catalogue.current')}</Tag>
                    ) : future ? (
                      <Tag color="blue">{t('catalogue.future')}</Tag>
                    ) : (
                      <Tag>{t('catalogue.old')}</Tag>
                    )}
                  </span>
                ),
                children: (
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    <Typography.Text type="secondary">
                      {t('catalogue.versionLine', {
                        date: formatDateVi(set.effectiveFrom),
                        count: set.criteria.length,
                        at: formatDateTimeVi(set.createdAt),
                      })}
                    </Typography.Text>
                    {!current && !future && <Alert type="info" showIcon title={t('catalogue.oldReadOnly')} />}
                    {set.note && <Typography.Paragraph style={{ margin: 0 }}>{set.note}</Typography.Paragraph>}
                    <CriteriaTable criteria={set.criteria} />
                  </Space>
                ),
              };
            })}
          />
        )}
      </Space>
    </Card>
  );
}

export default function CataloguePage() {
  const me = useMe();
  const canWrite = useCan('catalogue.write') || me.isSystemAdmin;
  const isPhone = useIsPhone();
  const invalidate = useInvalidateCatalogue();
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get('id')) || null;
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [scope, setScope] = useState<Scope>('all');
  const [appliesTo, setAppliesTo] = useState<FieldAppliesTo | undefined>(undefined);
  const [withInactive, setWithInactive] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TFieldDetail | null>(null);
  const [issuing, setIssuing] = useState<TFieldDetail | null>(null);
  const { data, isFetching, error } = useFields({
    q: q || undefined,
    appliesTo,
    active: withInactive ? undefined : 'true',
  });

  const fields = useMemo(
    () =>
      (data ?? []).filter(
        (f) => scope === 'all' || (scope === 'global' ? f.ownerUnitId === null : f.ownerUnitId !== null),
      ),
    [data, scope],
  );

  const select = (id: number | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('id', String(id));
        else next.delete('id');
        return next;
      },
      { replace: true },
    );

  const shownId = selectedId ?? (isPhone ? null : (fields[0]?.id ?? null));

  return (
    <>
      <PageHeader
        title={t('catalogue.title')}
        subtitle={t('catalogue.subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="field-create-open"
            >
              {t('catalogue.create')}
            </Button>
          )
        }
      />
      <div className="dh-toolbar">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('catalogue.filter.q')}
          style={{ width: 260 }}
          data-testid="catalogue-q"
        />
        <Segmented<Scope>
          value={scope}
          onChange={setScope}
          options={[
            { value: 'all', label: t('catalogue.scope.all') },
            { value: 'global', label: t('catalogue.scope.global') },
            { value: 'unit', label: t('catalogue.scope.unitShort') },
          ]}
          data-testid="catalogue-scope"
        />
        <Select<FieldAppliesTo | 'all'>
          value={appliesTo ?? 'all'}
          onChange={(v) => setAppliesTo(v === 'all' ? undefined : v)}
          style={{ width: 240 }}
          options={[
            { value: 'all' as const, label: t('catalogue.filter.allKinds') },
            ...FIELD_APPLIES_TO.map((a) => ({ value: a, label: appliesToLabel(a) })),
          ]}
        />
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <Switch size="small" checked={withInactive} onChange={setWithInactive} />
          <Typography.Text>{t('catalogue.filter.withInactive')}</Typography.Text>
        </span>
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            size="small"
            title={t('catalogue.listTitle', { count: fields.length })}
            styles={{ body: isPhone ? undefined : { maxHeight: 'calc(100vh - 250px)', overflow: 'auto' } }}
          >
            <List<TField>
              loading={isFetching}
              dataSource={fields}
              data-testid="fields-list"
              locale={{ emptyText: t('catalogue.empty') }}
              renderItem={(f) => (
                <List.Item
                  onClick={() => select(f.id)}
                  style={{ cursor: 'pointer', background: f.id === shownId ? '#fff1f0' : undefined, paddingInline: 8 }}
                  data-testid="field-item"
                  data-field-id={f.id}
                >
                  <div style={{ width: '100%' }}>
                    <Typography.Text strong>{f.name}</Typography.Text>
                    <div style={{ marginTop: 4 }}>
                      <FieldTags field={f} />
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.currentCriteriaSet
                        ? t('catalogue.currentLine', {
                            version: f.currentCriteriaSet.version,
                            count: f.currentCriteriaSet.criterionCount,
                            date: formatDateVi(f.currentCriteriaSet.effectiveFrom),
                          })
                        : t('catalogue.noCurrent')}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {!isPhone && (
          <Col xs={24} lg={15}>
            {shownId ? (
              <FieldDetail id={shownId} onEdit={setEditing} onNewSet={setIssuing} />
            ) : (
              <Card size="small">
                <Empty description={t('catalogue.pick')} />
              </Card>
            )}
          </Col>
        )}
      </Row>
      {isPhone && (
        <Drawer
          open={shownId !== null}
          onClose={() => select(null)}
          size="100%"
          title={t('catalogue.detailTitle')}
          styles={{ body: { padding: 8 } }}
        >
          {shownId && <FieldDetail id={shownId} onEdit={setEditing} onNewSet={setIssuing} />}
        </Drawer>
      )}
      <CreateFieldModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={(f) => {
          void invalidate();
          select(f.id);
        }}
      />
      {editing && <EditFieldModal field={editing} onClose={() => setEditing(null)} onDone={() => void invalidate()} />}
      {issuing && (
        <NewCriteriaSetModal field={issuing} onClose={() => setIssuing(null)} onDone={() => void invalidate()} />
      )}
    </>
  );
}
