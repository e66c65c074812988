/**
 * Pick organisation units by typing part of the name (diacritics optional):
 * searches the visible tree as of a date. Chosen units keep their labels even
 * when they are not in the current search results. With `withEnded`, units that
 * have ended and that the user may read (their successors' archives) are offered
 * too, labelled with their last day: "Đảng ủy Khối … (đến 30/06/2025)".
 */
import { Typography } from 'antd';
import { orgApi } from '../api/org.ts';
import { viewUnitsApi } from '../api/overview.ts';
import type { TUnitSummary } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { formatDateVi } from '../lib/dates.ts';
import { RemoteSelect } from './remote-select/RemoteSelect.tsx';

export interface UnitRef {
  id: number;
  name: string;
  parentName?: string | null;
  /** A unit that has ended: the last day it existed (its views are as of that day). */
  lastDay?: string | null;
}

/** Where the choices come from: the organisation tree (default) or another list of units, e.g. those a report can be made for. */
export interface UnitSource {
  key: string;
  search: (
    params: { q?: string; asOf?: string; pageSize?: number },
    signal?: AbortSignal,
  ) => Promise<{ items: UnitRef[] }>;
}

/** Today's units and the ended ones the user may read (GET /registry/units): for the registry list and dashboards. */
const WITH_ENDED: UnitSource = {
  key: 'registry-view-units',
  search: ({ q, pageSize }, signal) => viewUnitsApi.search({ q, pageSize }, signal),
};

interface BaseProps {
  asOf?: string;
  source?: UnitSource;
  /** Offer ended units the user may read too (a `source` of its own, so not with `source`). */
  withEnded?: boolean;
  /** Units to show as labels for values chosen before this select was opened. */
  known?: UnitRef[];
  /** Hide units the user may not pick (e.g. the unit itself and its descendants). */
  exclude?: (unit: TUnitSummary) => boolean;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

type Props =
  | (BaseProps & {
      multiple?: false;
      value?: number | null;
      onChange?: (value: number | null, unit: UnitRef | null) => void;
    })
  | (BaseProps & { multiple: true; value?: number[]; onChange?: (value: number[]) => void });

type Unit = UnitRef | TUnitSummary;

const searchUnits =
  (source: UnitSource | undefined, asOf: string | undefined) =>
  async (q: string | undefined, signal: AbortSignal): Promise<Unit[]> =>
    source
      ? (await source.search({ q, asOf, pageSize: 30 }, signal)).items
      : (await orgApi.units({ q, asOf, pageSize: 30 }, signal)).items;

/** `exclude` judges a unit by its place in the tree, which only the organisation's own list carries. */
const offerUnless = (exclude: BaseProps['exclude']) => (exclude ? (u: Unit) => 'path' in u && !exclude(u) : undefined);

const texts = () => ({
  placeholder: t('unitSelect.placeholder'),
  notFound: t('unitSelect.notFound'),
  typeToSearch: t('unitSelect.typeToSearch'),
});

/** The unit's name, and for one that has ended its last day. */
const unitLabel = (unit: Unit) =>
  'lastDay' in unit && unit.lastDay
    ? t('unitSelect.until', { name: unit.name, date: formatDateVi(unit.lastDay) })
    : unit.name;

function UnitOption({ unit }: { unit: Unit }) {
  return (
    <div>
      <div>{unitLabel(unit)}</div>
      {unit.parentName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('unitSelect.under', { parent: unit.parentName })}
        </Typography.Text>
      )}
    </div>
  );
}

export function UnitSelect(props: Props) {
  const { asOf, known, exclude, placeholder, disabled, allowClear = true, testId, style } = props;
  const source = props.withEnded ? WITH_ENDED : props.source;
  const common = {
    queryKey: ['org', 'units', 'pick', source?.key ?? 'org', { asOf }],
    search: searchUnits(source, asOf),
    offer: offerUnless(exclude),
    idOf: (u: Unit) => u.id,
    labelOf: unitLabel,
    known,
    texts: texts(),
    placeholder,
    disabled,
    allowClear,
    testId,
    style,
    renderOption: (unit: Unit) => <UnitOption unit={unit} />,
  };
  if (props.multiple) return <RemoteSelect<Unit> {...common} multiple value={props.value} onChange={props.onChange} />;
  return <RemoteSelect<Unit> {...common} value={props.value} onChange={props.onChange} />;
}
