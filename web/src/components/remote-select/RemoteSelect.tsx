/**
 * A search-as-you-type select over a server list: the typed text is debounced and sent to `search` through
 * TanStack Query; a chosen value keeps its label when the list changes (the item is remembered, and `known`
 * labels values chosen before the select was shown). The named pickers (UnitSelect, PersonSelect, …) are
 * configurations of this one.
 */
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Select } from 'antd';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { t } from '../../i18n/index.ts';
import { emptyText, mergeOptions, rememberChosen, type EmptyTexts, type RemoteOption } from './remote-options.ts';

interface BaseProps<T> {
  /** The query key's prefix; the search text is appended. */
  queryKey: QueryKey;
  /** The items matching the text (undefined: nothing typed). */
  search: (q: string | undefined, signal: AbortSignal) => Promise<readonly T[]>;
  idOf: (item: T) => number;
  labelOf: (item: T) => string;
  /** Offer only the found items passing this (the item itself, units it may not move under). */
  offer?: (item: T) => boolean;
  /** Items to label values chosen before the select was shown (editing). */
  known?: readonly T[];
  /** Fetch a chosen item neither found nor known (a value set from a link), so it shows its label. */
  loadOne?: { queryKey: (id: number) => QueryKey; load: (id: number) => Promise<T> };
  /** How an option reads in the open list (the closed select shows its label). */
  renderOption?: (item: T) => ReactNode;
  texts: EmptyTexts & { placeholder: string };
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  /** The accessible name when no form label names the select. */
  ariaLabel?: string;
  popupMatchSelectWidth?: boolean;
  staleTime?: number;
  testId?: string;
  style?: CSSProperties;
}

export type RemoteSelectProps<T> =
  | (BaseProps<T> & {
      multiple?: false;
      value?: number | null;
      onChange?: (value: number | null, item: T | null) => void;
    })
  | (BaseProps<T> & { multiple: true; value?: number[]; onChange?: (value: number[]) => void });

export function RemoteSelect<T>(props: RemoteSelectProps<T>) {
  const { queryKey, search, idOf, labelOf, offer, known, loadOne, renderOption, texts, allowClear = true } = props;
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [picked, setPicked] = useState<T[]>([]);

  const found = useQuery({
    queryKey: [...queryKey, q],
    queryFn: ({ signal }) => search(q || undefined, signal),
    staleTime: props.staleTime ?? 30_000,
    // A disabled select (its scope not chosen yet) asks nothing; chosen values keep their labels from known/loadOne.
    enabled: !props.disabled,
  });

  const selected = useMemo(
    () => (props.multiple ? (props.value ?? []) : props.value ? [props.value] : []),
    [props.multiple, props.value],
  );
  const remembered = useMemo(() => [...(known ?? []), ...picked], [known, picked]);
  const missing = selected.find(
    (id) => !remembered.some((item) => idOf(item) === id) && !(found.data ?? []).some((item) => idOf(item) === id),
  );
  const one = useQuery({
    queryKey: loadOne && missing ? loadOne.queryKey(missing) : ['remote-select', 'none'],
    queryFn: () => loadOne!.load(missing!),
    enabled: Boolean(loadOne && missing),
    staleTime: 60_000,
  });

  const offered = useMemo(() => (offer ? (found.data ?? []).filter(offer) : (found.data ?? [])), [found.data, offer]);
  const options = useMemo(
    () => mergeOptions(offered, one.data ? [...remembered, one.data] : remembered, selected, idOf, labelOf),
    [offered, one.data, remembered, selected, idOf, labelOf],
  );

  const remember = (ids: number[]) => {
    setPicked(rememberChosen(picked, options, ids, idOf));
    setText('');
  };

  const common = {
    showSearch: { filterOption: false as const, onSearch: setText, searchValue: text },
    options,
    loading: found.isFetching,
    placeholder: props.placeholder ?? texts.placeholder,
    notFoundContent: emptyText(
      { failed: Boolean(found.error), fetching: found.isFetching, query: q },
      texts,
      t('common.searching'),
    ),
    disabled: props.disabled,
    allowClear,
    style: { width: '100%', ...props.style },
    popupMatchSelectWidth: props.popupMatchSelectWidth,
    'aria-label': props.ariaLabel,
    'data-testid': props.testId,
    optionRender: renderOption ? (option: { data: RemoteOption<T> }) => renderOption(option.data.item) : undefined,
  };

  if (props.multiple) {
    const { onChange } = props;
    return (
      <Select<number[], RemoteOption<T>>
        {...common}
        mode="multiple"
        value={props.value}
        onChange={(ids) => {
          remember(ids);
          onChange?.(ids);
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select<number | null, RemoteOption<T>>
      {...common}
      value={props.value ?? undefined}
      onChange={(id) => {
        const option = options.find((o) => o.value === id);
        if (option) remember([option.value]);
        else setText('');
        onChange?.(id ?? null, option?.item ?? null);
      }}
    />
  );
}
