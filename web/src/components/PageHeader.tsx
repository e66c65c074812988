import type { ReactNode } from 'react';

/** Page title (h1) with actions on the right; wraps on phones. */
export function PageHeader({ title, extra, subtitle }: { title: ReactNode; extra?: ReactNode; subtitle?: ReactNode }) {
  return (
    <div className="dh-page-head">
      <h1>{title}</h1>
      {extra}
      {subtitle && (
        <div style={{ flexBasis: '100%' }} className="dh-muted">
          {subtitle}
        </div>
      )}
    </div>
  );
}
