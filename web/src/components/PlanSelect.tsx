/** Kế hoạch: search the plans the user may see (the unit's own and those of the units above it). */
import { plansApi } from '../api/plans.ts';
import { formatDateVi } from '../lib/dates.ts';
import { t } from '../i18n/index.ts';
import { RemoteSelect } from './remote-select/RemoteSelect.tsx';
import { TitledOption } from './remote-select/TitledOption.tsx';

export interface PlanRef {
  id: number;
  title: string;
  /** The deciding document (or owner) and the dates. */
  sub?: string;
}

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  known?: PlanRef | null;
  /** Only plans still in progress (registration); all when filtering lists. */
  activeOnly?: boolean;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}

const searchPlans = (activeOnly: boolean | undefined) => async (q: string | undefined, signal: AbortSignal) =>
  (await plansApi.list({ q, status: activeOnly ? 'active' : undefined, pageSize: 30 }, signal)).items.map(
    (p): PlanRef => ({
      id: p.id,
      title: p.title,
      sub: `${p.document?.symbol ?? p.ownerUnitName} · ${formatDateVi(p.startsOn)} – ${formatDateVi(p.endsOn)}`,
    }),
  );

// A value from elsewhere (a link ?ke-hoach=…) shows its title, not its number. The whole plan is cached under
// the key the plan page reads too.
const loadPlan = {
  queryKey: (id: number) => ['plans', 'one', id],
  load: (id: number): Promise<PlanRef> => plansApi.get(id),
};

export function PlanSelect({ value, onChange, known, activeOnly, placeholder, testId, style }: Props) {
  return (
    <RemoteSelect<PlanRef>
      queryKey={['plans', 'pick', activeOnly]}
      search={searchPlans(activeOnly)}
      idOf={(p) => p.id}
      labelOf={(p) => p.title}
      known={known ? [known] : undefined}
      loadOne={loadPlan}
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={placeholder}
      texts={{
        placeholder: t('planSelect.placeholder'),
        notFound: t('planSelect.notFound'),
        unavailable: t('planSelect.unavailable'),
      }}
      popupMatchSelectWidth={false}
      style={style}
      testId={testId}
      renderOption={(plan) => <TitledOption title={plan.title} sub={plan.sub} maxWidth={460} />}
    />
  );
}
