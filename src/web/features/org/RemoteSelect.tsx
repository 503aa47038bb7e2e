import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { orgKindLabel } from '../../i18n/translate.ts';
import { api } from '../../lib/api.ts';
import type { OrgUnit, Person } from '../../lib/api-types.ts';

interface Option {
  value: string;
  label: string;
}

interface Loaded<T> {
  options: Option[];
  items: T[];
}

/**
 * A Select that asks the server as the user types (a quarter of a second after the last
 * key): the scope may hold thousands of units or people, too many to load up front.
 * `load('')` gives the first choices shown before anything is typed.
 */
function useRemoteOptions<T>(load: (query: string) => Promise<T[]>, toOption: (item: T) => Option) {
  const [query, setQuery] = useState('');
  const [loaded, setLoaded] = useState<Loaded<T>>({ options: [], items: [] });
  const [loading, setLoading] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const toOptionRef = useRef(toOption);
  toOptionRef.current = toOption;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => {
        setLoading(true);
        loadRef.current(query.trim()).then(
          (items) => {
            if (!current) return;
            setLoaded({ items, options: items.map((item) => toOptionRef.current(item)) });
            setLoading(false);
          },
          () => {
            // The field shows no choices; the form's own submit reports a lasting problem.
            if (current) setLoading(false);
          },
        );
      },
      query ? 250 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return { options: loaded.options, items: loaded.items, loading, onSearch: setQuery };
}

interface RemoteSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  /** Shown while the current value is not among the loaded choices (an edit form's unit, say). */
  initialLabel?: string;
  'aria-describedby'?: string;
}

function unitLabel(t: Parameters<typeof orgKindLabel>[0], unit: OrgUnit): string {
  return `${unit.name}（${orgKindLabel(t, unit.kind)} ${unit.code}）`;
}

/**
 * Picks an org unit in the reader's scope by name or code; `kind` narrows the choice.
 * `onUnit` hears the whole unit picked (its kind decides the roles a post may take).
 */
export function UnitSelect({
  kind,
  onUnit,
  onChange,
  ...props
}: RemoteSelectProps & { kind?: string; onUnit?: (unit: OrgUnit | undefined) => void }) {
  const { t } = useI18n();
  const { items, ...remote } = useRemoteOptions(
    (q) => api.orgUnits({ q: q || undefined, kind, limit: 50 }).then((page) => page.items),
    (unit) => ({ value: unit.id, label: unitLabel(t, unit) }),
  );
  return (
    <RemoteSelect
      {...props}
      {...remote}
      onChange={(value) => {
        onChange?.(value);
        onUnit?.(items.find((unit) => unit.id === value));
      }}
    />
  );
}

/** Picks a person in the reader's scope by name. */
export function PersonSelect(props: RemoteSelectProps) {
  const remote = useRemoteOptions(
    (q) => api.people({ q: q || undefined, limit: 50 }).then((page) => page.items),
    (person: Person) => ({
      value: person.id,
      label: [person.name, person.unitName, person.phone].filter(Boolean).join(' · '),
    }),
  );
  const { items: _items, ...rest } = remote;
  return <RemoteSelect {...props} {...rest} />;
}

function RemoteSelect({
  options,
  loading,
  onSearch,
  initialLabel,
  ...props
}: RemoteSelectProps & { options: Option[]; loading: boolean; onSearch(query: string): void }) {
  const { t } = useI18n();
  // Every label seen so far, so the chosen one stays readable after a new search.
  const seen = useRef(new Map<string, string>());
  for (const option of options) seen.current.set(option.value, option.label);
  const value = props.value;
  const label = value === undefined ? undefined : (seen.current.get(value) ?? initialLabel);
  const shown =
    value === undefined || label === undefined || options.some((option) => option.value === value)
      ? options
      : [{ value, label }, ...options];
  return (
    <Select<string>
      {...props}
      options={shown}
      loading={loading}
      showSearch={{ filterOption: false, onSearch }}
      notFoundContent={loading ? t('app.loading') : t('org.noChoices')}
      style={{ width: '100%' }}
    />
  );
}
