/**
 * Pick organisation units by typing part of the name (diacritics optional):
 * searches the visible tree as of a date. Chosen units keep their labels even
 * when they are not in the current search results.
 */
import { Typography } from 'antd';
import { orgApi } from '../api/org.ts';
import type { TUnitSummary } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { RemoteSelect } from './remote-select/RemoteSelect.tsx';

export interface UnitRef {
  id: number;
  name: string;
  parentName?: string | null;
}

/** Where the choices come from: the organisation tree (default) or another list of units, e.g. those a report can be made for. */
export interface UnitSource {
  key: string;
  search: (
    params: { q?: string; asOf?: string; pageSize?: number },
    signal?: AbortSignal,
  ) => Promise<{ items: UnitRef[] }>;
}

interface BaseProps {
  asOf?: string;
  source?: UnitSource;
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

function UnitOption({ unit }: { unit: Unit }) {
  return (
    <div>
      <div>{unit.name}</div>
      {unit.parentName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('unitSelect.under', { parent: unit.parentName })}
        </Typography.Text>
      )}
    </div>
  );
}

export function UnitSelect(props: Props) {
  const { asOf, source, known, exclude, placeholder, disabled, allowClear = true, testId, style } = props;
  const common = {
    queryKey: ['org', 'units', 'pick', source?.key ?? 'org', { asOf }],
    search: searchUnits(source, asOf),
    offer: offerUnless(exclude),
    idOf: (u: Unit) => u.id,
    labelOf: (u: Unit) => u.name,
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
