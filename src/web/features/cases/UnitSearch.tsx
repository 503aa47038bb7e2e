import { AutoComplete, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { orgKindLabel } from '../../i18n/translate.ts';
import { api } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { rememberUnitName } from './use-unit-names.ts';

/**
 * Labels of units learnt outside a search (a routing suggestion names units the reader's
 * org scope may not list), so a select holding such a unit shows its name.
 */
const knownLabels = new Map<string, string>();

export function rememberUnitLabel(unit: { id: string; name: string; code: string }): void {
  knownLabels.set(unit.id, `${unit.name}（${unit.code}）`);
  rememberUnitName(unit.id, unit.name);
}

/** Units that may handle cases (the server's LEAD_KINDS and the call's HANDLING_KINDS). */
export const HANDLING_KINDS = ['department', 'enterprise', 'agency', 'township', 'office'] as const;

/**
 * Asks the org API for handling units as the user types (a quarter second after the last
 * key), one request per kind so that grids matching the words do not crowd them out.
 * The org API answers within the reader's scope only.
 */
function useHandlingUnits(kinds: readonly string[]) {
  const [query, setQuery] = useState('');
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [loading, setLoading] = useState(false);
  const kindsKey = kinds.join(',');

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => {
        setLoading(true);
        const q = query.trim() || undefined;
        Promise.all(
          kindsKey.split(',').map((kind) =>
            api.orgUnits({ q, kind, limit: 20 }).then(
              (page) => page.items,
              () => [] as OrgUnit[],
            ),
          ),
        ).then((lists) => {
          if (!current) return;
          const found = lists.flat();
          for (const unit of found) rememberUnitName(unit.id, unit.name);
          setUnits(found);
          setLoading(false);
        });
      },
      query ? 250 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, kindsKey]);

  return { units, loading, onSearch: setQuery };
}

function useUnitLabel() {
  const { t } = useI18n();
  return (unit: OrgUnit) => `${unit.name}（${orgKindLabel(t, unit.kind)} ${unit.code}）`;
}

interface UnitSelectProps {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  placeholder?: string;
  multiple?: boolean;
  /** Units not offered (the lead unit among the cooperating ones). */
  exclude?: readonly string[];
  /** The kinds offered; by default those that may handle cases. */
  kinds?: readonly string[];
  'aria-describedby'?: string;
}

/** Picks one handling unit (or several: `multiple`) by name or code. */
export function HandlingUnitSelect({
  multiple = false,
  exclude = [],
  kinds = HANDLING_KINDS,
  ...props
}: UnitSelectProps) {
  const { t } = useI18n();
  const label = useUnitLabel();
  const { units, loading, onSearch } = useHandlingUnits(kinds);
  // Every label seen, so a chosen unit stays readable after the next search.
  const seen = useRef(new Map<string, string>());
  for (const unit of units) seen.current.set(unit.id, label(unit));
  const chosen = props.value === undefined ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const options = units
    .filter((unit) => !exclude.includes(unit.id))
    .map((unit) => ({ value: unit.id, label: label(unit) }));
  for (const value of chosen) {
    if (!options.some((option) => option.value === value))
      options.unshift({ value, label: seen.current.get(value) ?? knownLabels.get(value) ?? value });
  }
  return (
    <Select<string | string[]>
      {...props}
      mode={multiple ? 'multiple' : undefined}
      options={options}
      loading={loading}
      showSearch={{ filterOption: false, onSearch }}
      notFoundContent={loading ? t('app.loading') : t('org.noChoices')}
      style={{ width: '100%' }}
      allowClear={multiple}
    />
  );
}

/**
 * The proposed handling unit of a call: typed freely, or picked from the units the
 * reader may see (then sent as the unit's id). Editing the text after a pick drops the id.
 */
export function ProposedUnitInput({
  id,
  value,
  onChange,
  unitId,
  onUnitId,
  placeholder,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  unitId: string | undefined;
  onUnitId(unitId: string | undefined): void;
  placeholder?: string;
}) {
  const label = useUnitLabel();
  const { units, onSearch } = useHandlingUnits(HANDLING_KINDS);
  return (
    <AutoComplete
      id={id}
      value={value}
      placeholder={placeholder}
      options={units.map((unit) => ({ value: unit.id, label: label(unit) }))}
      onSearch={onSearch}
      onSelect={(picked: string) => {
        const unit = units.find((u) => u.id === picked);
        if (!unit) return;
        onUnitId(unit.id);
        onChange?.(unit.name);
      }}
      onChange={(text: string) => {
        // antd calls onChange with the option's value on a pick; onSelect sets the name after.
        if (units.some((u) => u.id === text)) return;
        if (unitId) onUnitId(undefined);
        onChange?.(text);
        onSearch(text);
      }}
      maxLength={200}
      style={{ width: '100%' }}
    />
  );
}
