/** Văn bản: the register of documents every change cites. */
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import type { TDocument } from '../../api/types.ts';
import { useCan } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { t } from '../../i18n/index.ts';
import { DocumentDrawer } from './DocumentDrawer.tsx';
import { DocumentFilters, type DocumentFilterValues } from './DocumentFilters.tsx';
import { DocumentFormModal } from './DocumentFormModal.tsx';
import { DocumentsTable, type DocumentAction } from './DocumentsTable.tsx';
import { RevokeDocumentModal } from './RevokeDocumentModal.tsx';
import { useDocuments, useInvalidateDocuments } from '../../api/documents.ts';
import { usePaging } from '../../hooks/use-paging.ts';

export default function DocumentsPage() {
  const canWrite = useCan('documents.write');
  const invalidate = useInvalidateDocuments();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<DocumentFilterValues>({});
  const { page, setPage, pagination } = usePaging();
  const [editing, setEditing] = useState<TDocument | 'new' | null>(null);
  const [revoking, setRevoking] = useState<TDocument | null>(null);
  const { data, isFetching, error } = useDocuments({ ...filters, ...page });
  const viewId = Number(params.get('id')) || null;

  const view = (id: number | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('id', String(id));
        else next.delete('id');
        return next;
      },
      { replace: true },
    );

  const onAction = (action: DocumentAction, doc: TDocument) => {
    if (action === 'view') view(doc.id);
    else if (action === 'edit') setEditing(doc);
    else setRevoking(doc);
  };

  return (
    <>
      <PageHeader
        title={t('documents.title')}
        subtitle={t('documents.subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => setEditing('new')}
              data-testid="document-create"
            >
              {t('documents.create')}
            </Button>
          )
        }
      />
      <DocumentFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <DocumentsTable
        rows={data?.items ?? []}
        loading={isFetching}
        canWrite={canWrite}
        onAction={onAction}
        pagination={pagination(data?.total ?? 0, (total) => t('documents.total', { total }))}
      />
      <DocumentDrawer id={viewId} onClose={() => view(null)} onEdit={setEditing} onRevoke={setRevoking} />
      <DocumentFormModal doc={editing} onClose={() => setEditing(null)} onSaved={() => void invalidate()} />
      <RevokeDocumentModal doc={revoking} onClose={() => setRevoking(null)} onDone={() => void invalidate()} />
    </>
  );
}
