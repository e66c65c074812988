/**
 * Kỳ báo cáo of a plan: make the six-month and annual periods at once, add or
 * change one period, and the unit exceptions of a period (open it again for a
 * unit until a date, or close it for a unit), each with a reason.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Empty, Form, Input, InputNumber, Modal, Radio, Select, Table, Tag } from 'antd';
import { PERIOD_KINDS, ZCreatePeriodBody, ZOverrideBody } from '@common/schemas/reporting-periods.ts';
import { errorMessage } from '../../../api/client.ts';
import {
  reportingApi,
  type PeriodKind,
  type TGeneratePeriodsResult,
  type TOverride,
  type TPeriod,
} from '../../../api/reporting.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { periodKindLabel } from '../labels.ts';
import { useOverrides } from '../use-reporting.ts';

interface GenerateValues {
  kinds: PeriodKind[];
  dueDays: number;
  graceDays: number;
  remindDaysBefore: number;
}

export function GeneratePeriodsModal({
  planId,
  open,
  onClose,
  onDone,
}: {
  planId: number;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<GenerateValues>
      open={open}
      title={t('reporting.period.generateTitle')}
      testId="periods-generate"
      okText={t('reporting.period.generateOk')}
      width={520}
      initialValues={{ kinds: ['half_year', 'year'], dueDays: 15, graceDays: 0, remindDaysBefore: 7 }}
      onClose={onClose}
      onSubmit={(v) => reportingApi.generatePeriods({ planId, ...v })}
      onDone={(result) => {
        const r = result as TGeneratePeriodsResult;
        void message.success(t('reporting.period.generated', { created: r.created.length, existing: r.existing }));
        onDone();
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('reporting.period.generateHelp')} />
      <Form.Item
        name="kinds"
        label={t('reporting.period.kinds')}
        rules={[{ required: true, type: 'array', min: 1, message: t('reporting.period.kindsRequired') }]}
      >
        <Checkbox.Group
          options={PERIOD_KINDS.map((k) => ({ value: k, label: periodKindLabel(k) }))}
          data-testid="periods-generate-kinds"
        />
      </Form.Item>
      <Form.Item
        name="dueDays"
        label={t('reporting.period.dueDays')}
        extra={t('reporting.period.dueDaysHelp')}
        rules={[{ required: true, message: t('reporting.period.numberRequired') }]}
      >
        <InputNumber min={0} max={90} style={{ width: 160 }} data-testid="periods-generate-due" />
      </Form.Item>
      <Form.Item
        name="graceDays"
        label={t('reporting.period.graceDays')}
        extra={t('reporting.period.graceDaysHelp')}
        rules={[{ required: true, message: t('reporting.period.numberRequired') }]}
      >
        <InputNumber min={0} max={60} style={{ width: 160 }} data-testid="periods-generate-grace" />
      </Form.Item>
      <Form.Item
        name="remindDaysBefore"
        label={t('reporting.period.remind')}
        rules={[{ required: true, message: t('reporting.period.numberRequired') }]}
      >
        <InputNumber min={0} max={60} style={{ width: 160 }} data-testid="periods-generate-remind" />
      </Form.Item>
    </FormModal>
  );
}

interface PeriodValues {
  kind: PeriodKind;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  graceUntil: string | null;
  remindDaysBefore: number;
}

/** Add a period to the plan (period = null) or change one. */
export function PeriodFormModal({
  planId,
  period,
  open,
  onClose,
  onDone,
}: {
  planId: number;
  period: TPeriod | null;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const required = { required: true, message: t('reporting.period.dateRequired') };
  return (
    <FormModal<PeriodValues>
      open={open}
      title={period ? t('reporting.period.editTitle', { name: period.name }) : t('reporting.period.addTitle')}
      testId="period-form"
      width={560}
      initialValues={
        period
          ? {
              kind: period.kind,
              name: period.name,
              startsOn: period.startsOn,
              endsOn: period.endsOn,
              dueOn: period.dueOn,
              graceUntil: period.graceUntil,
              remindDaysBefore: period.remindDaysBefore,
            }
          : { kind: 'half_year', remindDaysBefore: 7, graceUntil: null }
      }
      onClose={onClose}
      onSubmit={(v) =>
        period
          ? reportingApi.updatePeriod(period.id, {
              name: v.name,
              startsOn: v.startsOn,
              endsOn: v.endsOn,
              dueOn: v.dueOn,
              graceUntil: v.graceUntil ?? null,
              remindDaysBefore: v.remindDaysBefore,
              revision: period.revision,
            })
          : reportingApi.createPeriod({ planId, phaseId: null, ...v, graceUntil: v.graceUntil ?? null })
      }
      onDone={() => {
        void message.success(period ? t('reporting.period.updated') : t('reporting.period.created'));
        onDone();
      }}
    >
      {!period && (
        <Form.Item name="kind" label={t('reporting.period.kind')}>
          <Radio.Group options={PERIOD_KINDS.map((k) => ({ value: k, label: periodKindLabel(k) }))} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('reporting.period.name')}
        required
        rules={[zodRule(ZCreatePeriodBody.shape.name)]}
      >
        <Input maxLength={200} data-testid="period-name" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item
          name="startsOn"
          label={t('reporting.period.startsOn')}
          rules={[required]}
          style={{ flex: '1 1 200px' }}
        >
          <IsoDatePicker data-testid="period-starts" />
        </Form.Item>
        <Form.Item name="endsOn" label={t('reporting.period.endsOn')} rules={[required]} style={{ flex: '1 1 200px' }}>
          <IsoDatePicker data-testid="period-ends" />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="dueOn" label={t('reporting.period.dueOn')} rules={[required]} style={{ flex: '1 1 200px' }}>
          <IsoDatePicker data-testid="period-due" />
        </Form.Item>
        <Form.Item
          name="graceUntil"
          label={t('reporting.period.graceUntil')}
          extra={t('reporting.period.graceUntilHelp')}
          style={{ flex: '1 1 200px' }}
        >
          <IsoDatePicker data-testid="period-grace" />
        </Form.Item>
      </div>
      <Form.Item
        name="remindDaysBefore"
        label={t('reporting.period.remind')}
        rules={[{ required: true, message: t('reporting.period.numberRequired') }]}
      >
        <InputNumber min={0} max={60} style={{ width: 160 }} data-testid="period-remind" />
      </Form.Item>
    </FormModal>
  );
}

interface OverrideValues {
  unitId: number;
  state: 'open' | 'closed';
  openUntil: string | null;
  reason: string;
}

/** Exceptions of one period by unit: the list, and a new one (the latest on a unit wins). */
export function OverridesModal({
  period,
  onClose,
  onDone,
}: {
  period: TPeriod | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<OverrideValues>();
  const [busy, setBusy] = useState(false);
  const { data, isFetching, error, refetch } = useOverrides(period?.id ?? null);
  const state = Form.useWatch('state', form);

  const add = async (v: OverrideValues) => {
    if (!period) return;
    setBusy(true);
    try {
      await reportingApi.addOverride(period.id, {
        unitId: v.unitId,
        state: v.state,
        openUntil: v.state === 'open' ? v.openUntil : null,
        reason: v.reason,
      });
      void message.success(t('reporting.override.added'));
      form.resetFields();
      await refetch();
      onDone();
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={period !== null}
      title={period ? t('reporting.override.title', { name: period.name }) : ''}
      onCancel={onClose}
      footer={null}
      width={isPhone ? '100%' : 760}
      destroyOnHidden
    >
      <div data-testid="period-overrides">
        {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
        {(data?.length ?? 0) === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.override.none')} />
        ) : (
          <Table<TOverride>
            rowKey="id"
            size="small"
            loading={isFetching}
            pagination={false}
            dataSource={data ?? []}
            scroll={{ x: 'max-content' }}
            onRow={() => ({ 'data-testid': 'period-override' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'unit',
                title: t('reporting.override.unit'),
                render: (_, o) => (
                  <span style={{ display: 'inline-block', maxWidth: 220, whiteSpace: 'normal' }}>{o.unit.name}</span>
                ),
              },
              {
                key: 'state',
                title: t('reporting.override.state'),
                render: (_, o) =>
                  o.state === 'open' ? (
                    <Tag color="green">{t('reporting.override.openUntil', { date: formatDateVi(o.openUntil) })}</Tag>
                  ) : (
                    <Tag color="red">{t('reporting.override.closed')}</Tag>
                  ),
              },
              {
                key: 'reason',
                title: t('reporting.override.reason'),
                render: (_, o) => (
                  <span style={{ display: 'inline-block', maxWidth: 240, whiteSpace: 'normal' }}>{o.reason}</span>
                ),
              },
              {
                key: 'by',
                title: t('reporting.override.by'),
                responsive: ['md'],
                render: (_, o) => `${formatDateTimeVi(o.createdAt)}${o.createdBy ? ` · ${o.createdBy}` : ''}`,
              },
            ]}
          />
        )}
        {period?.can.edit && (
          <Form<OverrideValues>
            form={form}
            layout="vertical"
            initialValues={{ state: 'open' }}
            onFinish={(v) => void add(v)}
            style={{ marginTop: 16 }}
          >
            <Form.Item
              name="unitId"
              label={t('reporting.override.unit')}
              rules={[{ required: true, message: t('reporting.override.unitRequired') }]}
            >
              <UnitSelect testId="override-unit" />
            </Form.Item>
            <Form.Item name="state" label={t('reporting.override.state')}>
              <Select
                options={[
                  { value: 'open', label: t('reporting.override.stateOpen') },
                  { value: 'closed', label: t('reporting.override.stateClosed') },
                ]}
                data-testid="override-state"
              />
            </Form.Item>
            {state !== 'closed' && (
              <Form.Item
                name="openUntil"
                label={t('reporting.override.openUntilLabel')}
                rules={[{ required: true, message: t('reporting.period.dateRequired') }]}
              >
                <IsoDatePicker data-testid="override-until" />
              </Form.Item>
            )}
            <Form.Item
              name="reason"
              label={t('reporting.override.reason')}
              rules={[zodRule(ZOverrideBody.shape.reason)]}
              required
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="override-reason" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="override-submit">
                {t('reporting.override.add')}
              </Button>
            </Form.Item>
          </Form>
        )}
      </div>
    </Modal>
  );
}
