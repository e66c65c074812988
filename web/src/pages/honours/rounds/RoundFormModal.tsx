/** Mở / sửa một đợt khen thưởng: unit, name, kind (phase of a plan, thematic, ad hoc), dates, note. */
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ZCreateRoundBody } from '@common/schemas/honours-flow.ts';
import {
  honoursFlowApi,
  refreshOnConflict,
  useInvalidateHonoursFlow,
  type RoundKind,
  type TRound,
} from '../../../api/honours-proposals.ts';
import { plansApi } from '../../../api/plans.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { PlanSelect } from '../../../components/PlanSelect.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { formatDateVi } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { ROUND_KINDS, roundKindLabel } from './labels.ts';

interface Values {
  ownerUnitId: number;
  name: string;
  kind: RoundKind;
  planId: number | null;
  phaseId: number | null;
  proposalsFrom: string;
  proposalsUntil: string;
  reviewUntil: string | null;
  ceremonyOn: string | null;
  note: string | null;
}

function PhaseSelect({
  planId,
  value,
  onChange,
}: {
  planId: number | null;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  const { data, isFetching } = useQuery({
    queryKey: ['plans', 'one', planId],
    queryFn: () => plansApi.get(planId!),
    enabled: Boolean(planId),
    staleTime: 60_000,
  });
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      disabled={!planId}
      loading={isFetching}
      placeholder={planId ? t('honoursFlow.round.phasePick') : t('honoursFlow.round.planFirst')}
      options={(data?.phases ?? []).map((p) => ({
        value: p.id,
        label: `${p.name} (${formatDateVi(p.startsOn)} – ${formatDateVi(p.endsOn)})`,
      }))}
      data-testid="round-phase"
    />
  );
}

export function RoundFormModal({
  round,
  onClose,
  onSaved,
}: {
  round: TRound | 'new';
  onClose: () => void;
  onSaved?: (round: TRound) => void;
}) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonoursFlow();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const planId = Form.useWatch('planId', form);
  const editing = round === 'new' ? null : round;
  const initial: Partial<Values> = editing
    ? {
        name: editing.name,
        kind: editing.kind,
        planId: editing.plan?.id ?? null,
        phaseId: editing.phase?.id ?? null,
        proposalsFrom: editing.proposalsFrom,
        proposalsUntil: editing.proposalsUntil,
        reviewUntil: editing.reviewUntil,
        ceremonyOn: editing.ceremonyOn,
        note: editing.note,
      }
    : { kind: 'thematic', planId: null, phaseId: null, reviewUntil: null, ceremonyOn: null, note: null };

  const submit = (v: Values) => {
    const phaseId = v.kind === 'phase' ? (v.phaseId ?? null) : null;
    const common = {
      name: v.name,
      kind: v.kind,
      phaseId,
      proposalsFrom: v.proposalsFrom,
      proposalsUntil: v.proposalsUntil,
      reviewUntil: v.reviewUntil ?? null,
      ceremonyOn: v.ceremonyOn ?? null,
      note: v.note?.trim() ? v.note : null,
    };
    return editing
      ? refreshOnConflict(honoursFlowApi.updateRound(editing.id, { ...common, revision: editing.revision }), invalidate)
      : honoursFlowApi.createRound({ ownerUnitId: v.ownerUnitId, ...common });
  };

  return (
    <FormModal<Values>
      open
      form={form}
      title={editing ? t('honoursFlow.round.editTitle') : t('honoursFlow.round.createTitle')}
      testId="round-form"
      width={720}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
      onDone={(saved) => {
        void message.success(editing ? t('honoursFlow.round.updated') : t('honoursFlow.round.created'));
        void invalidate();
        onSaved?.(saved as TRound);
      }}
    >
      {!editing && (
        <Form.Item
          name="ownerUnitId"
          label={t('honoursFlow.field.ownerUnit')}
          rules={[{ required: true, message: t('honoursFlow.round.unitRequired') }]}
        >
          <UnitSelect testId="round-unit" />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('honoursFlow.field.roundName')}
        rules={[zodRule(ZCreateRoundBody.shape.name)]}
        required
      >
        <Input maxLength={300} data-testid="round-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('honoursFlow.field.kind')} required>
            <Select
              options={ROUND_KINDS.map((k) => ({ value: k, label: roundKindLabel(k) }))}
              data-testid="round-kind"
            />
          </Form.Item>
        </Col>
        {kind === 'phase' && (
          <>
            <Col xs={24} md={8}>
              <Form.Item name="planId" label={t('honoursFlow.field.plan')}>
                <PlanSelect
                  known={editing?.plan ? { id: editing.plan.id, title: editing.plan.name } : null}
                  onChange={() => form.setFieldValue('phaseId', null)}
                  testId="round-plan"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="phaseId"
                label={t('honoursFlow.field.phase')}
                rules={[{ required: true, message: t('honoursFlow.round.phaseRequired') }]}
              >
                <PhaseSelect planId={planId ?? null} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item
            name="proposalsFrom"
            label={t('honoursFlow.field.proposalsFrom')}
            rules={[{ required: true, message: t('honoursFlow.round.dateRequired') }]}
          >
            <IsoDatePicker data-testid="round-from" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="proposalsUntil"
            label={t('honoursFlow.field.proposalsUntil')}
            dependencies={['proposalsFrom']}
            rules={[
              { required: true, message: t('honoursFlow.round.dateRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | null) => {
                  const from = getFieldValue('proposalsFrom') as string | null;
                  return value && from && value < from
                    ? Promise.reject(new Error(t('honoursFlow.round.untilBeforeFrom')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <IsoDatePicker data-testid="round-until" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="reviewUntil" label={t('honoursFlow.field.reviewUntil')}>
            <IsoDatePicker data-testid="round-review-until" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="ceremonyOn" label={t('honoursFlow.field.ceremonyOn')}>
            <IsoDatePicker data-testid="round-ceremony" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('honoursFlow.field.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="round-note" />
      </Form.Item>
    </FormModal>
  );
}
