import { Select } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { orgKindLabel } from '../../i18n/translate.ts';
import type { OrgUnit } from '../../lib/api-types.ts';

/** 考核范围: the area of the assessment pages (a city, district or township; a scope unit). */
export function AreaSelect({
  id,
  areas,
  value,
  onChange,
}: {
  id: string;
  areas: readonly OrgUnit[];
  value: string | undefined;
  onChange(unitId: string): void;
}) {
  const { t } = useI18n();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      options={areas.map((unit) => ({
        value: unit.id,
        label: `${unit.name}（${orgKindLabel(t, unit.kind)}）`,
      }))}
      style={{ minWidth: 240 }}
    />
  );
}
