import { Select } from 'antd';
import { t } from '../../i18n/index.ts';
import { useDocumentTypes } from '../../api/documents.ts';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  style?: React.CSSProperties;
}

/** Loại văn bản (by code, e.g. "CV" — Công văn). */
export function DocumentTypeSelect({ value, onChange, style }: Props) {
  const { data, isPending } = useDocumentTypes();
  return (
    <Select
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={isPending}
      placeholder={t('documents.filter.type')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(data ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
