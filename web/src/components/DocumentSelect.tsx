/** Văn bản quyết định: search the document registry by number/symbol or summary and pick one. */
import { Typography } from 'antd';
import { documentsApi } from '../api/documents.ts';
import type { TDocumentRef } from '../api/documents.ts';
import { formatDateVi } from '../lib/dates.ts';
import { t } from '../i18n/index.ts';
import { RemoteSelect } from './remote-select/RemoteSelect.tsx';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Label for a value chosen earlier (editing). */
  known?: TDocumentRef | null;
  testId?: string;
}

const searchDocuments = async (q: string | undefined, signal: AbortSignal): Promise<TDocumentRef[]> =>
  (await documentsApi.list({ q, status: 'active', pageSize: 20 }, signal)).items;

export function DocumentSelect({ value, onChange, known, testId }: Props) {
  return (
    <RemoteSelect<TDocumentRef>
      queryKey={['documents', 'pick']}
      search={searchDocuments}
      idOf={(d) => d.id}
      labelOf={(d) => `${d.symbol} (${formatDateVi(d.issuedOn)})`}
      known={known ? [known] : undefined}
      value={value}
      onChange={(id) => onChange?.(id)}
      texts={{
        placeholder: t('documentSelect.placeholder'),
        notFound: t('documentSelect.notFound'),
        unavailable: t('documentSelect.unavailable'),
      }}
      testId={testId}
      renderOption={(doc) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>
            <strong>{doc.symbol}</strong>{' '}
            <Typography.Text type="secondary">
              {t('documentSelect.issuedOn', { date: formatDateVi(doc.issuedOn) })}
            </Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {doc.summary}
          </Typography.Text>
        </div>
      )}
    />
  );
}
