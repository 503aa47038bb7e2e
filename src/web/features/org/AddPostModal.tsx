import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/FormModal.tsx';
import { serverFieldProps, serverFieldsProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ROLE_CODES, roleLabel } from '../../i18n/translate.ts';
import { api } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { shanghaiToday } from '../calendar/calendar-model.ts';
import { rolesForUnitKind } from './org-rules.ts';
import { PersonSelect, UnitSelect } from './RemoteSelect.tsx';

interface Values {
  personId?: string;
  unitId?: string;
  role: string;
  title?: string;
  startsOn: string;
}

const FIELDS = ['personId', 'unitId', 'role', 'title', 'startsOn'] as const;

/**
 * Puts a person in a role at a unit (定人定岗, person.manage). On a unit's page the unit is
 * fixed and the person chosen; on a person's page the other way round. The roles offered
 * are those held at that kind of unit (a grid head at a grid…).
 */
export function AddPostModal({
  unit,
  person,
  open,
  onClose,
  onCreated,
}: {
  unit?: Pick<OrgUnit, 'id' | 'name' | 'kind'>;
  person?: { id: string; name: string };
  open: boolean;
  onClose(): void;
  onCreated(): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [pickedUnit, setPickedUnit] = useState<Pick<OrgUnit, 'kind'> | undefined>(undefined);
  const unitKind = unit?.kind ?? pickedUnit?.kind;
  const roles = unitKind ? rolesForUnitKind(ROLE_CODES, unitKind) : [...ROLE_CODES];

  const title = unit
    ? t('org.addPostAt', { name: unit.name })
    : t('org.addPostFor', { name: person?.name ?? '' });

  return (
    <FormModal<Values>
      open={open}
      title={title}
      okText={t('common.save')}
      headerGap
      form={form}
      formName="addPost"
      clearOnDestroy
      initialValues={{ startsOn: shanghaiToday() }}
      fields={FIELDS}
      submit={async (values) => {
        const personId = person?.id ?? values.personId;
        const unitId = unit?.id ?? values.unitId;
        if (!personId || !unitId) return;
        await api.startPost({
          personId,
          unitId,
          role: values.role,
          startsOn: values.startsOn,
          title: values.title?.trim() || null,
        });
        form.resetFields();
        onCreated();
      }}
      afterClose={() => setPickedUnit(undefined)}
      onClose={onClose}
    >
      {(error) => (
        <>
          {!person && (
            <Form.Item
              name="personId"
              label={t('org.person')}
              rules={[{ required: true, message: t('org.personRequired') }]}
              {...serverFieldProps(error, 'personId', locale)}
            >
              <PersonSelect placeholder={t('org.searchPerson')} />
            </Form.Item>
          )}
          {!unit && (
            <Form.Item
              name="unitId"
              label={t('org.postUnit')}
              rules={[{ required: true, message: t('org.unitRequired') }]}
              {...serverFieldProps(error, 'unitId', locale)}
            >
              <UnitSelect
                placeholder={t('org.searchUnit')}
                onUnit={(picked) => {
                  setPickedUnit(picked);
                  // A role the new unit cannot hold is cleared rather than refused later.
                  const role = form.getFieldValue('role') as string | undefined;
                  if (picked && role && !rolesForUnitKind([role], picked.kind).length)
                    form.setFieldValue('role', undefined);
                }}
              />
            </Form.Item>
          )}
          <Form.Item
            name="role"
            label={t('org.role')}
            rules={[{ required: true, message: t('org.roleRequired') }]}
            // With the unit or the person fixed, the errors about them belong here.
            {...serverFieldsProps(
              error,
              ['role', ...(unit ? ['unitId'] : []), ...(person ? ['personId'] : [])],
              locale,
            )}
          >
            <Select
              options={roles.map((value) => ({ value, label: roleLabel(t, value) }))}
              placeholder={t('org.rolePlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('org.postTitleOptional')}
            {...serverFieldProps(error, 'title', locale)}
          >
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="startsOn"
            label={t('org.startsOn')}
            rules={[{ required: true, message: t('org.dateRequired') }]}
            {...serverFieldProps(error, 'startsOn', locale)}
          >
            <Input type="date" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
