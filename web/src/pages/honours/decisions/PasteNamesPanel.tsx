/** The paste box above the rows: text from Excel, the award form given to the pasted people, the outcome. */
import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import { t } from '../../../i18n/index.ts';
import type { PasteNames } from './use-paste-names.ts';

export function PasteNamesPanel({
  paste,
  awardOptions,
}: {
  paste: PasteNames;
  awardOptions: Array<{ value: number; label: string }>;
}) {
  const { outcome } = paste;
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('honoursFlow.record.pasteTitle')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('honoursFlow.record.pasteHelp')}
      </Typography.Paragraph>
      <Input.TextArea
        value={paste.text}
        onChange={(e) => paste.setText(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        placeholder={t('honoursFlow.record.pastePlaceholder')}
        data-testid="record-paste"
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Select<number>
          allowClear
          value={paste.awardFormId ?? undefined}
          onChange={(v) => paste.setAwardFormId(v ?? null)}
          options={awardOptions}
          placeholder={t('honoursFlow.record.pasteAward')}
          style={{ width: 260 }}
          popupMatchSelectWidth={false}
          data-testid="record-paste-award"
        />
        <Button
          onClick={() => void paste.apply()}
          loading={paste.pasting}
          disabled={!paste.text.trim()}
          data-testid="record-paste-apply"
        >
          {t('honoursFlow.record.pasteApply')}
        </Button>
      </Space>
      {paste.error && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title={paste.error} data-testid="record-paste-error" />
      )}
      {outcome && (
        <Alert
          type={outcome.unmatched.length > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="record-paste-outcome"
          title={t('honoursFlow.record.pasteAdded', { count: outcome.added, duplicates: outcome.duplicates })}
          description={
            outcome.unmatched.length > 0 ? (
              <div data-testid="record-paste-unmatched">
                <div>{t('honoursFlow.record.pasteUnmatched', { count: outcome.unmatched.length })}</div>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {outcome.unmatched.map((u, i) => (
                    <li key={i}>{t('honoursFlow.record.pasteUnmatchedLine', { line: u.line, reason: u.reason })}</li>
                  ))}
                </ul>
              </div>
            ) : undefined
          }
        />
      )}
    </div>
  );
}
