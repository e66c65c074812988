/**
 * Lập / sửa tờ trình: the proposer unit (where the user may propose, under the
 * round's unit), the title (trích yếu), the registered letter and a note. The
 * round's unit may instead address an outside body ("Đề nghị cấp trên").
 */
import { App, Form, Input } from 'antd';
import { ZCreateProposalBody } from '@common/schemas/honours-flow.ts';
import {
  honoursFlowApi,
  refreshOnConflict,
  useInvalidateHonoursFlow,
  type TProposal,
  type TRound,
} from '../../../api/honours-proposals.ts';
import type { TUnitSummary } from '../../../api/types.ts';
import { useMeQuery } from '../../../auth/me.ts';
import { DocumentSelect } from '../../../components/DocumentSelect.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { ROLE_ACTIONS, ROLE_REACH } from '@common/roles.ts';
import { isUnder, mayProposeIn } from '../rounds/labels.ts';

interface Values {
  proposerUnitId: number;
  externalBody: string;
  title: string;
  letterDocumentId: number | null;
  note: string | null;
}

const shape = ZCreateProposalBody.shape;

type Props =
  | {
      mode: 'internal' | 'external';
      round: TRound;
      proposal?: undefined;
      onClose: () => void;
      onSaved?: (p: TProposal) => void;
    }
  | { mode: 'edit'; round?: undefined; proposal: TProposal; onClose: () => void; onSaved?: (p: TProposal) => void };

export function ProposalFormModal({ mode, round, proposal, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonoursFlow();
  const { data: me } = useMeQuery();
  const ownerId = round?.ownerUnit.id;
  const exclude = (u: TUnitSummary) =>
    ownerId === undefined || u.id === ownerId || !isUnder(u, ownerId) || !mayProposeIn(me, u);
  // A unit's own reporter proposes for that one unit: it is chosen already.
  const proposing =
    me && !me.isSystemAdmin ? me.grants.filter((g) => ROLE_ACTIONS[g.role].includes('honours.propose')) : [];
  const only =
    proposing.length === 1 && ROLE_REACH[proposing[0]!.role] === 'unit' && proposing[0]!.unitId !== ownerId
      ? proposing[0]!
      : null;

  const submit = (v: Values) => {
    const note = v.note?.trim() ? v.note : null;
    if (mode === 'edit') {
      return refreshOnConflict(
        honoursFlowApi.updateProposal(proposal.id, {
          title: v.title,
          letterDocumentId: v.letterDocumentId ?? null,
          note,
          revision: proposal.revision,
        }),
        invalidate,
      );
    }
    return honoursFlowApi.createProposal({
      roundId: round.id,
      proposerUnitId: mode === 'external' ? round.ownerUnit.id : v.proposerUnitId,
      title: v.title,
      letterDocumentId: v.letterDocumentId ?? null,
      note,
      externalBody: mode === 'external' ? v.externalBody : null,
    });
  };

  const title =
    mode === 'edit'
      ? t('honoursFlow.proposal.editTitle')
      : mode === 'external'
        ? t('honoursFlow.proposal.externalTitle')
        : t('honoursFlow.proposal.createTitle');
  return (
    <FormModal<Values>
      open
      title={title}
      testId="proposal-form"
      width={680}
      okText={mode === 'edit' ? t('common.save') : t('honoursFlow.proposal.createOk')}
      initialValues={
        proposal
          ? { title: proposal.title, letterDocumentId: proposal.letterDocument?.id ?? null, note: proposal.note }
          : {
              letterDocumentId: null,
              note: null,
              ...(only && mode === 'internal' ? { proposerUnitId: only.unitId } : {}),
            }
      }
      onClose={onClose}
      onSubmit={submit}
      onDone={(saved) => {
        void message.success(mode === 'edit' ? t('honoursFlow.proposal.updated') : t('honoursFlow.proposal.created'));
        void invalidate();
        onSaved?.(saved as TProposal);
      }}
    >
      {mode === 'internal' && (
        <Form.Item
          name="proposerUnitId"
          label={t('honoursFlow.field.proposerUnit')}
          rules={[{ required: true, message: t('honoursFlow.proposal.unitRequired') }]}
          extra={t('honoursFlow.proposal.unitHelp')}
        >
          <UnitSelect
            exclude={exclude}
            known={only ? [{ id: only.unitId, name: only.unitName }] : []}
            testId="proposal-unit"
          />
        </Form.Item>
      )}
      {mode === 'external' && (
        <Form.Item
          name="externalBody"
          label={t('honoursFlow.field.externalBody')}
          rules={[
            { required: true, whitespace: true, message: t('honoursFlow.proposal.externalRequired') },
            zodRule(shape.externalBody),
          ]}
          extra={t('honoursFlow.proposal.externalHelp')}
        >
          <Input
            maxLength={300}
            placeholder={t('honoursFlow.proposal.externalPlaceholder')}
            data-testid="proposal-external-body"
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('honoursFlow.field.proposalTitle')} rules={[zodRule(shape.title)]} required>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="proposal-title" />
      </Form.Item>
      <Form.Item
        name="letterDocumentId"
        label={t('honoursFlow.field.letter')}
        extra={t('honoursFlow.proposal.letterHelp')}
      >
        <DocumentSelect known={proposal?.letterDocument ?? null} testId="proposal-letter" />
      </Form.Item>
      <Form.Item name="note" label={t('honoursFlow.field.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="proposal-note" />
      </Form.Item>
    </FormModal>
  );
}
