/** Opening a disclosure (niêm yết) of a round: the candidates shown to the public and the comment window. */
import { useMemo } from 'react';
import dayjs from 'dayjs';
import { Alert, App, Col, Form, Input, Row } from 'antd';
import type { TRound } from '@common/schemas/honours-flow.ts';
import { ZCreateDisclosureBody } from '@common/schemas/honours-disclosure.ts';
import { errorMessage } from '../../../api/client.ts';
import { disclosureApi, useInvalidateHonours, useReviewQueue } from '../../../api/honours-council.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { today } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { CandidatePickTable } from '../CandidatePickTable.tsx';

interface CreateValues {
  title: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
  candidateIds: number[];
}

export function CreateDisclosureModal({
  round,
  onClose,
  onCreated,
}: {
  round: TRound;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const passed = useReviewQueue({ roundId: round.id, status: 'passed', pageSize: 500 });
  const approved = useReviewQueue({ roundId: round.id, status: 'approved', pageSize: 500 });
  const candidates = useMemo(
    () => [...(approved.data?.items ?? []), ...(passed.data?.items ?? [])],
    [passed.data, approved.data],
  );
  const error = passed.error ?? approved.error;
  return (
    <FormModal<CreateValues>
      open
      title={t('honoursFlow.disclosure.create')}
      okText={t('honoursFlow.disclosure.createOk')}
      testId="disclosure-create"
      width={960}
      onClose={onClose}
      initialValues={{
        title: t('honoursFlow.disclosure.defaultTitle', { round: round.name }),
        startsOn: today(),
        endsOn: dayjs(today()).add(9, 'day').format('YYYY-MM-DD'),
        note: null,
        candidateIds: [],
      }}
      onSubmit={(v) =>
        disclosureApi.create({
          roundId: round.id,
          title: v.title,
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          note: v.note || null,
          candidateIds: v.candidateIds,
        })
      }
      onDone={(result) => {
        void message.success(t('honoursFlow.disclosure.created'));
        void invalidate();
        const id = (result as { id?: number } | undefined)?.id;
        if (id) onCreated(id);
      }}
    >
      <Form.Item
        name="title"
        label={t('honoursFlow.disclosure.field.title')}
        rules={[zodRule(ZCreateDisclosureBody.shape.title)]}
        required
      >
        <Input maxLength={300} data-testid="disclosure-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item
            name="startsOn"
            label={t('honoursFlow.disclosure.field.startsOn')}
            rules={[{ required: true, message: t('honoursFlow.hc.form.dateRequired') }]}
          >
            <IsoDatePicker data-testid="disclosure-starts" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="endsOn"
            label={t('honoursFlow.disclosure.field.endsOn')}
            dependencies={['startsOn']}
            rules={[
              { required: true, message: t('honoursFlow.hc.form.dateRequired') },
              ({ getFieldValue }) => ({
                validator: (_r, v: string | null) => {
                  const from = getFieldValue('startsOn') as string | null;
                  return v && from && v < from
                    ? Promise.reject(new Error(t('honoursFlow.disclosure.form.endsBeforeStart')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <IsoDatePicker data-testid="disclosure-ends" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="note" label={t('honoursFlow.disclosure.field.note')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="disclosure-note" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="candidateIds"
        label={t('honoursFlow.disclosure.field.candidates')}
        required
        rules={[
          {
            validator: (_r, v: number[] | undefined) =>
              !v || v.length === 0
                ? Promise.reject(new Error(t('honoursFlow.disclosure.form.candidatesRequired')))
                : Promise.resolve(),
          },
        ]}
      >
        <CandidatePickTable
          candidates={candidates}
          loading={passed.isFetching || approved.isFetching}
          showStatus
          testId="disclosure-candidates"
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
    </FormModal>
  );
}
