/**
 * "Đánh giá" one model or exemplar for a period or phase: criteria with the
 * reported values, what the system proposes, and the evaluator's decision
 * per criterion and overall. Where the decision differs from the proposal a
 * reason is required (as the server requires it); recognition at a level,
 * the deciding document and the date.
 */
import { Alert, App, Button, Descriptions, Form, Input, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { ActionDrawer } from '../../components/ActionDrawer.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import {
  evaluationApi,
  type EvaluationScope,
  type TEvaluationCriterion,
  type TEvaluationDetail,
} from '../../api/evaluation.ts';
import { DocumentSelect } from '../../components/DocumentSelect.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { LevelSelect } from '../../components/LevelSelect.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { applyFieldErrors } from '../../lib/api-errors.ts';
import { formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { MetTag, criterionTarget, valueText } from './labels.tsx';

type Choice = 'met' | 'not_met' | 'none';
const toChoice = (v: boolean | null | undefined): Choice => (v === true ? 'met' : v === false ? 'not_met' : 'none');
const fromChoice = (c: Choice | undefined): boolean | null => (c === 'met' ? true : c === 'not_met' ? false : null);

interface Values {
  decidedMet?: 'met' | 'not_met';
  criteria: Array<{ criterionId: number; decided: Choice; reason?: string | null }>;
  reason?: string | null;
  recognitionLevelId?: number | null;
  documentId?: number | null;
  decidedOn: string | null;
}

interface Props {
  entryId: number | null;
  scope: EvaluationScope | null;
  onClose: () => void;
}

function initialValues(d: TEvaluationDetail): Values {
  const decidedMet = d.decision ? d.decision.decidedMet : d.proposal.met;
  return {
    decidedMet: decidedMet === null ? undefined : decidedMet ? 'met' : 'not_met',
    criteria: d.criteria.map((c) => ({
      criterionId: c.criterionId,
      decided: toChoice(d.decision ? c.decided : c.proposed),
      reason: c.reason,
    })),
    reason: d.decision?.reason ?? null,
    recognitionLevelId: d.decision?.recognitionLevel?.id ?? null,
    documentId: d.decision?.document?.id ?? null,
    decidedOn: d.decision?.decidedOn ?? today(),
  };
}

export function DecisionDrawer({ entryId, scope, onClose }: Props) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const open = entryId !== null && scope !== null;
  const { data, isFetching, error } = useQuery({
    queryKey: ['evaluation', 'detail', entryId, scope?.type, scope?.id],
    queryFn: () => evaluationApi.detail(entryId!, scope!),
    enabled: open,
  });

  const decidedMet = Form.useWatch('decidedMet', form);
  const criteriaValues = Form.useWatch('criteria', form);

  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      return evaluationApi.decide({
        entryId: entryId!,
        periodId: scope!.type === 'period' ? scope!.id : null,
        phaseId: scope!.type === 'phase' ? scope!.id : null,
        decidedMet: v.decidedMet === 'met',
        criteria: v.criteria.map((c) => ({
          criterionId: c.criterionId,
          decidedMet: fromChoice(c.decided),
          reason: c.reason ?? null,
        })),
        reason: v.reason ?? null,
        recognitionLevelId: v.decidedMet === 'met' ? (v.recognitionLevelId ?? null) : null,
        documentId: v.documentId ?? null,
        decidedOn: v.decidedOn ?? today(),
        revision: data?.revision ?? null,
      });
    },
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: ['evaluation'] });
      queryClient.setQueryData(['evaluation', 'detail', entryId, scope?.type, scope?.id], detail);
      void message.success(t('evaluation.decision.saved'));
      onClose();
    },
    onError: (e) => {
      if (e && typeof e === 'object' && 'errorFields' in e) return; // the form shows its own messages
      const unplaced = applyFieldErrors(form, e);
      void message.error({ content: unplaced.length > 0 ? unplaced.join(' ') : errorMessage(e), duration: 8 });
    },
  });

  const proposalMet = data?.proposal.met ?? null;
  const overallDiffers = decidedMet !== undefined && (decidedMet === 'met') !== proposalMet;

  const criterionColumns = (d: TEvaluationDetail) => [
    {
      title: t('evaluation.criterion.title'),
      key: 'title',
      render: (_: unknown, c: TEvaluationCriterion) => (
        <div>
          <strong>{c.code}.</strong> {c.title}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {criterionTarget(c)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...(d.scope.type === 'period'
      ? [
          {
            title: t('evaluation.criterion.value'),
            key: 'value',
            width: 140,
            render: (_: unknown, c: TEvaluationCriterion) => (
              <div>
                {valueText(c)}
                {c.comment && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.comment}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
        ]
      : []),
    {
      title: t('evaluation.criterion.proposed'),
      key: 'proposed',
      width: 110,
      render: (_: unknown, c: TEvaluationCriterion) =>
        c.judged ? <MetTag met={c.proposed} /> : <Tag>{t('evaluation.notJudged')}</Tag>,
    },
    {
      title: t('evaluation.criterion.decided'),
      key: 'decided',
      width: isPhone ? 160 : 260,
      render: (_: unknown, c: TEvaluationCriterion, index: number) => {
        const current = criteriaValues?.[index]?.decided;
        const differs = current !== undefined && fromChoice(current) !== c.proposed;
        return (
          <>
            <Form.Item name={['criteria', index, 'criterionId']} hidden>
              <Input />
            </Form.Item>
            <Form.Item name={['criteria', index, 'decided']} style={{ marginBottom: differs ? 8 : 0 }}>
              <Segmented
                size="small"
                options={[
                  { value: 'met', label: t('evaluation.met') },
                  { value: 'not_met', label: t('evaluation.notMet') },
                  ...(c.judged ? [] : [{ value: 'none', label: t('evaluation.notJudgedShort') }]),
                ]}
                data-testid={`evaluation-criterion-${c.criterionId}`}
              />
            </Form.Item>
            {differs && (
              <Form.Item
                name={['criteria', index, 'reason']}
                style={{ marginBottom: 0 }}
                rules={[
                  { required: true, whitespace: true, message: t('evaluation.decision.criterionReasonRequired') },
                ]}
              >
                <Input.TextArea
                  rows={2}
                  placeholder={t('evaluation.decision.criterionReason')}
                  data-testid={`evaluation-criterion-reason-${c.criterionId}`}
                />
              </Form.Item>
            )}
          </>
        );
      },
    },
  ];

  const buttons = (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      {data?.can.decide && (
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="evaluation-save">
          {data.decision ? t('evaluation.decision.redecide') : t('evaluation.decision.save')}
        </Button>
      )}
    </Space>
  );

  return (
    <ActionDrawer
      open={open}
      onClose={onClose}
      title={data ? t('evaluation.decision.title', { name: data.entry.name }) : t('evaluation.decision.titleShort')}
      width={880}
      actions={buttons}
      testId="evaluation-drawer"
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {isFetching && !data && <Spin />}
      {data && (
        <>
          <Descriptions size="small" column={isPhone ? 1 : 2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('evaluation.col.unit')}>{data.entry.ownerUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.col.level')}>{data.entry.level.name}</Descriptions.Item>
            <Descriptions.Item label={data.scope.type === 'period' ? t('evaluation.period') : t('evaluation.phase')}>
              {data.scope.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.col.proposal')}>
              <MetTag met={data.proposal.met} />{' '}
              {t('evaluation.metOfJudged', { met: data.proposal.metCount, judged: data.proposal.judgedCount })}
            </Descriptions.Item>
            {data.scope.type === 'period' && (
              <Descriptions.Item label={t('evaluation.col.report')}>
                {data.report ? t(`evaluation.reportStatus.${data.report.status}`) : t('evaluation.reportStatus.none')}
              </Descriptions.Item>
            )}
            {data.decision && (
              <Descriptions.Item label={t('evaluation.col.decision')}>
                {t('evaluation.decidedBy', {
                  by: data.decision.decidedBy ?? '',
                  date: formatDateVi(data.decision.decidedOn),
                })}
              </Descriptions.Item>
            )}
          </Descriptions>
          {!data.onList && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('evaluation.notOnList')} />
          )}
          {data.onList && !data.can.decide && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('evaluation.readOnly')} />
          )}
          {data.proposal.met === null && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('evaluation.noProposal')} />
          )}
          {data.scope.type === 'phase' && data.periods.length > 0 && (
            <div style={{ marginBottom: 12 }} data-testid="evaluation-phase-periods">
              <Typography.Text strong>{t('evaluation.phasePeriods')}</Typography.Text>{' '}
              {data.periods.map((p) => (
                <Tag key={p.id} color={p.met === true ? 'green' : p.met === false ? 'red' : 'default'}>
                  {p.name} ·{' '}
                  {p.source === 'decision' ? t('evaluation.source.decision') : t('evaluation.source.proposal')}
                </Tag>
              ))}
            </div>
          )}
          <Form<Values>
            key={`${data.entry.id}-${data.scope.type}-${data.scope.id}-${data.revision ?? 0}`}
            form={form}
            layout="vertical"
            initialValues={initialValues(data)}
            disabled={!data.can.decide}
            data-testid="evaluation-form"
          >
            <Table<TEvaluationCriterion>
              size="small"
              rowKey="criterionId"
              pagination={false}
              dataSource={data.criteria}
              columns={criterionColumns(data)}
              scroll={{ x: 600 }}
            />
            <Form.Item
              name="decidedMet"
              label={t('evaluation.decision.overall')}
              style={{ marginTop: 16 }}
              rules={[{ required: true, message: t('evaluation.decision.overallRequired') }]}
            >
              <Segmented
                options={[
                  { value: 'met', label: t('evaluation.met') },
                  { value: 'not_met', label: t('evaluation.notMet') },
                ]}
                data-testid="evaluation-overall"
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('evaluation.decision.reason')}
              extra={overallDiffers ? t('evaluation.decision.reasonHelp') : undefined}
              rules={[{ required: overallDiffers, whitespace: true, message: t('evaluation.decision.reasonRequired') }]}
            >
              <Input.TextArea rows={2} data-testid="evaluation-reason" />
            </Form.Item>
            {decidedMet === 'met' && (
              <Form.Item
                name="recognitionLevelId"
                label={t('evaluation.decision.recognition')}
                extra={t('evaluation.decision.recognitionHelp')}
              >
                <LevelSelect
                  allowClear
                  placeholder={t('evaluation.decision.recognitionPlaceholder')}
                  testId="evaluation-recognition"
                />
              </Form.Item>
            )}
            <Form.Item name="documentId" label={t('evaluation.decision.document')}>
              <DocumentSelect known={data.decision?.document ?? null} testId="evaluation-document" />
            </Form.Item>
            <Form.Item
              name="decidedOn"
              label={t('evaluation.decision.date')}
              rules={[{ required: true, message: t('evaluation.decision.dateRequired') }]}
            >
              <IsoDatePicker noFuture data-testid="evaluation-date" />
            </Form.Item>
          </Form>
        </>
      )}
    </ActionDrawer>
  );
}
