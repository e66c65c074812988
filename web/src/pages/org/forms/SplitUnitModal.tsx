/**
 * Chia tách: new units are formed from this one on the effective date; each
 * sub-unit and each model and exemplar on the list goes to the new unit chosen
 * for it (an exemplar by default where its person goes; a model must be chosen —
 * entry-routing.ts). The old unit ends unless kept.
 */
import { Alert, App, Button, Card, Checkbox, Form, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TNewUnit, TUnitDetail } from '../../../api/types.ts';
import { orgApi, useActiveEntries } from '../../../api/org.ts';
import { ChangeFields, type ChangeValues } from '../../../components/ChangeFields.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { t } from '../../../i18n/index.ts';
import { ActiveEntriesList } from './ActiveEntriesList.tsx';
import { changeDefaults, parentRef } from './defaults.ts';
import { defaultEntryTarget, entryTargetsBody, type SplitShape } from './entry-routing.ts';
import { NewUnitFields } from './NewUnitFields.tsx';

interface Values extends ChangeValues {
  targets: TNewUnit[];
  keepSource: boolean;
  childTargets: Record<string, number>;
  /** Entry id → index of the new unit; null: not chosen (the default applies, or it must be chosen). */
  entryTargets: Record<string, number | null>;
}

interface Props {
  open: boolean;
  unit: TUnitDetail;
  onClose: () => void;
  onDone: (ids: number[]) => void;
}

export function SplitUnitModal({ open, unit, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const targets = Form.useWatch('targets', form) ?? [];
  const { data: children } = useQuery({
    queryKey: ['org', 'units', { parentId: unit.id, asOf: unit.asOf, pageSize: 500 }],
    queryFn: () => orgApi.units({ parentId: unit.id, asOf: unit.asOf, pageSize: 500 }),
    enabled: open && unit.childCount > 0,
  });
  const keepSource = Form.useWatch('keepSource', form) ?? false;
  const childTargets = Form.useWatch('childTargets', form) ?? {};
  const entries = useActiveEntries([unit.id], open);
  const shape: SplitShape = {
    unitId: unit.id,
    keepSource,
    childTargets,
    childIds: children?.items.map((c) => c.id) ?? [],
  };
  const blank = (): TNewUnit => ({ name: '', typeId: unit.typeId, levelId: unit.levelId, parentId: unit.parentId });
  const targetOptions = targets.map((target, index) => ({
    value: index,
    label: target?.name?.trim() || t('org.form.splitTargetN', { n: index + 1 }),
  }));

  return (
    <FormModal<Values>
      open={open}
      form={form}
      width={820}
      title={t('org.actions.splitTitle', { name: unit.name })}
      testId="split-unit"
      onClose={onClose}
      initialValues={{
        ...changeDefaults(),
        targets: [blank(), blank()],
        keepSource: false,
        childTargets: {},
        entryTargets: {},
      }}
      onSubmit={(values) =>
        orgApi.split(unit.id, {
          targets: values.targets,
          childTargets: Object.fromEntries(
            Object.entries(values.childTargets ?? {}).filter(([, v]) => v !== undefined && v !== null),
          ),
          entryTargets: entryTargetsBody(
            entries.items,
            values.entryTargets ?? {},
            { ...shape, keepSource: values.keepSource, childTargets: values.childTargets ?? {} },
            values.targets.length,
          ),
          keepSource: values.keepSource,
          revision: unit.revision,
          effectiveDate: values.effectiveDate,
          documentId: values.documentId ?? null,
          note: values.note ?? null,
        })
      }
      onDone={(result) => {
        void message.success(t('org.done.split', { name: unit.name }));
        onDone((result as { ids?: number[] })?.ids ?? []);
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('org.form.splitHelp')} />
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('org.form.splitTargetN', { n: index + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.remove')}
                    />
                  ) : undefined
                }
              >
                <NewUnitFields
                  prefix={[field.name]}
                  withParent
                  knownParents={parentRef(unit)}
                  testId={`split-unit-target-${index}`}
                />
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add(blank())}
              style={{ marginBottom: 16 }}
              disabled={fields.length >= 20}
            >
              {t('org.form.splitAddTarget')}
            </Button>
          </>
        )}
      </Form.List>
      {(children?.items.length ?? 0) > 0 && (
        <Card size="small" title={t('org.form.splitChildren')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('org.form.splitChildrenHelp')}
          </Typography.Paragraph>
          {children!.items.map((child) => (
            <Form.Item
              key={child.id}
              name={['childTargets', String(child.id)]}
              label={child.name}
              initialValue={0}
              style={{ marginBottom: 8 }}
            >
              <Select options={targetOptions} />
            </Form.Item>
          ))}
        </Card>
      )}
      <Card size="small" title={t('restructure.split.title')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t(keepSource ? 'restructure.split.keepHelp' : 'restructure.split.help')}
        </Typography.Paragraph>
        <ActiveEntriesList
          entries={entries.items}
          loading={entries.isPending}
          testId="split-unit-entries"
          fate={(e) => {
            const fallback = defaultEntryTarget(e, shape);
            const placeholder =
              fallback !== null
                ? t('restructure.split.byPerson', { target: targetOptions[fallback]?.label ?? '' })
                : t(keepSource ? 'restructure.split.stay' : 'restructure.entries.targetUnchosen');
            return (
              <Form.Item
                name={['entryTargets', String(e.id)]}
                initialValue={null}
                style={{ marginBottom: 0 }}
                dependencies={['keepSource', 'childTargets']}
                rules={[
                  {
                    validator: (_, value: number | null | undefined) =>
                      (value ?? fallback) === null && !keepSource
                        ? Promise.reject(new Error(t('restructure.split.required', { name: e.name })))
                        : Promise.resolve(),
                  },
                ]}
              >
                <Select
                  options={targetOptions}
                  allowClear
                  placeholder={placeholder}
                  aria-label={t('restructure.split.targetFor', { name: e.name })}
                  data-testid="split-unit-entry-target"
                />
              </Form.Item>
            );
          }}
        />
      </Card>
      <Form.Item name="keepSource" valuePropName="checked">
        <Checkbox>{t('org.form.splitKeepSource')}</Checkbox>
      </Form.Item>
      <ChangeFields testId="split-unit" />
    </FormModal>
  );
}
