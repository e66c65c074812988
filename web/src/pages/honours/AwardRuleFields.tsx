/** The fields of one council-rule version (used when adding a form and when issuing a new version). */
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { GRANTOR_KINDS, ZAwardRuleInput } from '@common/schemas/honours.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { LevelSelect } from '../../components/LevelSelect.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

const S = ZAwardRuleInput.shape;

export function AwardRuleFields({ prefix }: { prefix: string[] }) {
  const name = (field: string) => [...prefix, field];
  return (
    <>
      <Form.Item
        name={name('validFrom')}
        label={t('honours.rule.validFrom')}
        extra={t('honours.rule.validFromHelp')}
        rules={[zodRule(S.validFrom)]}
        required
      >
        <IsoDatePicker />
      </Form.Item>
      <Form.Item name={name('grantorKind')} label={t('honours.rule.grantor')} rules={[zodRule(S.grantorKind)]} required>
        <Select
          data-testid="award-rule-grantor"
          options={GRANTOR_KINDS.map((k) => ({ value: k, label: t(`honours.grantor.${k}` as MessageKey) }))}
        />
      </Form.Item>
      <Form.Item name={name('grantorLevelId')} label={t('honours.rule.level')}>
        <LevelSelect allowClear />
      </Form.Item>
      <Form.Item name={name('councilRequired')} label={t('honours.rule.council')} valuePropName="checked">
        <Switch data-testid="award-rule-council" />
      </Form.Item>
      <Form.Item name={name('ballot')} label={t('honours.rule.ballot')} rules={[zodRule(S.ballot)]} required>
        <Select
          data-testid="award-rule-ballot"
          options={[
            { value: 'secret', label: t('honours.ballot.secret') },
            { value: 'open', label: t('honours.ballot.open') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={name('threshold')}
        label={t('honours.rule.threshold')}
        extra={t('honours.rule.shareHelp')}
        rules={[zodRule(S.threshold)]}
        required
      >
        <Input style={{ width: 160 }} data-testid="award-rule-threshold" />
      </Form.Item>
      <Form.Item
        name={name('comparison')}
        label={t('honours.rule.comparison')}
        rules={[zodRule(S.comparison)]}
        required
      >
        <Select
          options={[
            { value: 'gte', label: t('honours.comparison.gte') },
            { value: 'gt', label: t('honours.comparison.gt') },
          ]}
        />
      </Form.Item>
      <Form.Item name={name('basis')} label={t('honours.rule.basis')} rules={[zodRule(S.basis)]} required>
        <Select
          options={[
            { value: 'all_members', label: t('honours.basis.all_members') },
            { value: 'voters', label: t('honours.basis.voters') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={name('quorum')}
        label={t('honours.rule.quorum')}
        extra={t('honours.rule.shareHelp')}
        rules={[zodRule(S.quorum)]}
        required
      >
        <Input style={{ width: 160 }} data-testid="award-rule-quorum" />
      </Form.Item>
      <Form.Item
        name={name('disclosureDays')}
        label={t('honours.rule.disclosure')}
        extra={t('honours.rule.disclosureHelp')}
      >
        <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={name('legalBasis')} label={t('honours.rule.legalBasis')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item name={name('note')} label={t('honours.rule.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

export const emptyRule = (validFrom: string) => ({
  validFrom,
  grantorKind: 'party_committee' as const,
  grantorLevelId: null,
  councilRequired: true,
  ballot: 'secret' as const,
  threshold: '',
  comparison: 'gte' as const,
  basis: 'all_members' as const,
  quorum: '2/3',
  disclosureDays: null,
  legalBasis: null,
  note: null,
});
