/**
 * Thêm / sửa một đề nghị khen thưởng in a proposal: the subject (tập thể /
 * cá nhân), who (a model or exemplar of the registry, a person, a unit — or,
 * when forwarding to an outside body, a candidate the round already approved),
 * the award form, the achievement summary and the achievement report file.
 */
import { useMemo } from 'react';
import { App, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { ZAddCandidateBody } from '@common/schemas/honours-flow.ts';
import {
  honoursFlowApi,
  refreshOnConflict,
  useActiveAwardForms,
  useInvalidateHonoursFlow,
  useReviewQueue,
  type HonourSubject,
  type TCandidate,
  type TProposal,
} from '../../../api/honours-proposals.ts';
import { EntrySelect } from '../../../components/EntrySelect.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { PersonSelect } from '../../../components/PersonSelect.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { FileUploadField } from '../../documents/FileUploadField.tsx';
import { HONOUR_SUBJECTS, isUnder, subjectLabel } from '../rounds/labels.ts';

type PickBy = 'entry' | 'person' | 'unit';

export interface CandidatePrefill {
  subject: HonourSubject;
  entry?: { id: number; name: string } | null;
  person?: { id: number; name: string } | null;
  unit?: { id: number; name: string } | null;
}

interface Values {
  subject: HonourSubject;
  pickBy: PickBy;
  entryId: number | null;
  personId: number | null;
  unitId: number | null;
  sourceCandidateId: number | null;
  awardFormId: number;
  achievement: string;
  achievementFileId: number | null;
}

const achievementRule = zodRule(ZAddCandidateBody.shape.achievement);

/** Candidates of the round approved by its council (or already decided), to forward to an outside body. */
function SourceCandidateSelect({
  roundId,
  value,
  onChange,
  onPicked,
}: {
  roundId: number;
  value?: number | null;
  onChange?: (v: number | null) => void;
  onPicked: (c: TCandidate | null) => void;
}) {
  const approved = useReviewQueue({ roundId, status: 'approved', pageSize: 500 });
  const decided = useReviewQueue({ roundId, status: 'decided', pageSize: 500 });
  const all = useMemo(
    () => [...(approved.data?.items ?? []), ...(decided.data?.items ?? [])],
    [approved.data, decided.data],
  );
  const options = all.map((c) => ({ value: c.id, label: `${c.displayName} — ${c.awardForm.name}`, c }));
  return (
    <Select<number, (typeof options)[number]>
      value={value ?? undefined}
      onChange={(id) => {
        onChange?.(id ?? null);
        onPicked(all.find((c) => c.id === id) ?? null);
      }}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={approved.isFetching || decided.isFetching}
      placeholder={t('honoursFlow.candidate.sourcePlaceholder')}
      notFoundContent={t('honoursFlow.candidate.sourceNone')}
      options={options}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{o.data.c.displayName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[subjectLabel(o.data.c.subject), o.data.c.unit.name, o.data.c.awardForm.name].join(' · ')}
          </Typography.Text>
        </div>
      )}
      data-testid="candidate-source"
    />
  );
}

interface Props {
  proposal: TProposal;
  /** A candidate to edit; otherwise a new one (optionally prefilled from a suggestion). */
  candidate?: TCandidate | null;
  prefill?: CandidatePrefill | null;
  onClose: () => void;
}

export function CandidateModal({ proposal, candidate, prefill, onClose }: Props) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonoursFlow();
  const [form] = Form.useForm<Values>();
  const { data: forms } = useActiveAwardForms();
  const external = proposal.externalBody !== null;
  const editing = candidate ?? null;
  const subject: HonourSubject = Form.useWatch('subject', form) ?? editing?.subject ?? prefill?.subject ?? 'individual';
  const pickBy: PickBy = Form.useWatch('pickBy', form) ?? 'entry';

  const awardOptions = (forms?.items ?? [])
    .filter((f) => f.active && (f.subject === 'both' || f.subject === subject))
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((f) => ({ value: f.id, label: f.name }));
  if (editing && !awardOptions.some((o) => o.value === editing.awardForm.id))
    awardOptions.unshift({ value: editing.awardForm.id, label: editing.awardForm.name });

  const initial: Partial<Values> = editing
    ? {
        subject: editing.subject,
        awardFormId: editing.awardForm.id,
        achievement: editing.achievement,
        achievementFileId: editing.achievementFile?.id ?? null,
      }
    : {
        subject: prefill?.subject ?? 'individual',
        pickBy: prefill?.entry ? 'entry' : prefill?.person ? 'person' : prefill?.unit ? 'unit' : 'entry',
        entryId: prefill?.entry?.id ?? null,
        personId: prefill?.person?.id ?? null,
        unitId: prefill?.unit?.id ?? null,
        sourceCandidateId: null,
        achievementFileId: null,
      };

  const submit = async (v: Values) => {
    const achievementFileId = v.achievementFileId ?? null;
    if (editing) {
      return honoursFlowApi.updateCandidate(editing.id, {
        awardFormId: v.awardFormId,
        achievement: v.achievement,
        achievementFileId,
        revision: editing.revision,
      });
    }
    return honoursFlowApi.addCandidate(proposal.id, {
      awardFormId: v.awardFormId,
      subject: v.subject,
      entryId: !external && v.pickBy === 'entry' ? (v.entryId ?? null) : null,
      personId: !external && v.pickBy === 'person' ? (v.personId ?? null) : null,
      unitId: !external && v.pickBy === 'unit' ? (v.unitId ?? null) : null,
      sourceCandidateId: external ? (v.sourceCandidateId ?? null) : null,
      achievement: v.achievement,
      achievementFileId,
    });
  };

  const proposerId = proposal.proposerUnit.id;
  const currentFile = editing?.achievementFile
    ? {
        id: editing.achievementFile.id,
        originalName: editing.achievementFile.name,
        mimeType: '',
        sizeBytes: editing.achievementFile.sizeBytes,
      }
    : null;

  return (
    <FormModal<Values>
      open
      form={form}
      title={
        editing
          ? t('honoursFlow.candidate.editTitle', { name: editing.displayName })
          : t('honoursFlow.candidate.addTitle')
      }
      testId="candidate-form"
      width={720}
      okText={editing ? t('common.save') : t('honoursFlow.candidate.addOk')}
      initialValues={initial}
      onClose={onClose}
      onSubmit={(v) => refreshOnConflict(submit(v), invalidate)}
      onDone={() => {
        void message.success(editing ? t('honoursFlow.candidate.updated') : t('honoursFlow.candidate.added'));
        void invalidate();
      }}
    >
      {!editing && (
        <>
          {!external && (
            <Form.Item name="subject" label={t('honoursFlow.field.subject')} required>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={HONOUR_SUBJECTS.map((s) => ({ value: s, label: subjectLabel(s) }))}
                onChange={(e) => {
                  const next = e.target.value as HonourSubject;
                  const by = form.getFieldValue('pickBy') as PickBy;
                  if ((next === 'collective' && by === 'person') || (next === 'individual' && by === 'unit'))
                    form.setFieldValue('pickBy', 'entry');
                  form.setFieldValue('awardFormId', undefined);
                }}
                data-testid="candidate-subject"
              />
            </Form.Item>
          )}
          {external ? (
            <>
              <Form.Item name="subject" hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name="sourceCandidateId"
                label={t('honoursFlow.field.sourceCandidate')}
                rules={[{ required: true, message: t('honoursFlow.candidate.sourceRequired') }]}
                extra={t('honoursFlow.candidate.sourceHelp')}
              >
                <SourceCandidateSelect
                  roundId={proposal.round.id}
                  onPicked={(c) => {
                    if (!c) return;
                    form.setFieldsValue({
                      subject: c.subject,
                      achievement: (form.getFieldValue('achievement') as string | undefined) || c.achievement,
                    });
                  }}
                />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="pickBy" label={t('honoursFlow.candidate.pickBy')}>
                <Radio.Group
                  options={[
                    {
                      value: 'entry',
                      label:
                        subject === 'collective'
                          ? t('honoursFlow.candidate.byModel')
                          : t('honoursFlow.candidate.byExemplar'),
                    },
                    subject === 'collective'
                      ? { value: 'unit', label: t('honoursFlow.candidate.byUnit') }
                      : { value: 'person', label: t('honoursFlow.candidate.byPerson') },
                  ]}
                  data-testid="candidate-pick-by"
                />
              </Form.Item>
              {pickBy === 'entry' && (
                <Form.Item
                  name="entryId"
                  label={subject === 'collective' ? t('honoursFlow.field.model') : t('honoursFlow.field.exemplar')}
                  rules={[{ required: true, message: t('honoursFlow.candidate.entryRequired') }]}
                >
                  <EntrySelect
                    kind={subject === 'collective' ? 'model' : 'exemplar'}
                    known={prefill?.entry ?? null}
                    testId="candidate-entry"
                  />
                </Form.Item>
              )}
              {pickBy === 'person' && subject === 'individual' && (
                <Form.Item
                  name="personId"
                  label={t('honoursFlow.field.person')}
                  rules={[{ required: true, message: t('honoursFlow.candidate.personRequired') }]}
                  extra={t('honoursFlow.candidate.personHelp', { unit: proposal.proposerUnit.name })}
                >
                  <PersonSelect unitId={proposerId} testId="candidate-person" />
                </Form.Item>
              )}
              {pickBy === 'unit' && subject === 'collective' && (
                <Form.Item
                  name="unitId"
                  label={t('honoursFlow.field.collectiveUnit')}
                  rules={[{ required: true, message: t('honoursFlow.candidate.unitRequired') }]}
                >
                  <UnitSelect
                    known={prefill?.unit ? [prefill.unit] : []}
                    exclude={(u) => !isUnder(u, proposerId)}
                    testId="candidate-unit"
                  />
                </Form.Item>
              )}
            </>
          )}
        </>
      )}
      <Row gutter={12}>
        <Col xs={24}>
          <Form.Item
            name="awardFormId"
            label={t('honoursFlow.field.awardForm')}
            rules={[{ required: true, message: t('honoursFlow.candidate.awardRequired') }]}
          >
            <Select
              options={awardOptions}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('honoursFlow.candidate.awardPlaceholder')}
              data-testid="candidate-award"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="achievement" label={t('honoursFlow.field.achievement')} rules={[achievementRule]} required>
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          maxLength={4000}
          showCount
          data-testid="candidate-achievement"
        />
      </Form.Item>
      <Form.Item
        name="achievementFileId"
        label={t('honoursFlow.field.achievementFile')}
        extra={t('honoursFlow.candidate.fileHelp')}
      >
        <FileUploadField current={currentFile} />
      </Form.Item>
    </FormModal>
  );
}
