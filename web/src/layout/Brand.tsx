import { StarFilled } from '@ant-design/icons';
import { t } from '../i18n/index.ts';

export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <div className="dh-brand">
      <StarFilled style={{ color: '#ffd666', fontSize: 22 }} />
      {!compact && (
        <div>
          <div className="dh-brand-title">{t('app.name')}</div>
          <div className="dh-brand-sub">{t('app.tagline')}</div>
        </div>
      )}
    </div>
  );
}
