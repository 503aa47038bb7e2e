import { Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { serverFieldProps } from '../../../components/form-errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { api } from '../../../lib/api.ts';
import type { NewPerson, Person } from '../../../lib/api-types.ts';
import { UnitSelect } from '../RemoteSelect.tsx';

interface Values {
  name: string;
  phone?: string;
  idNumber?: string;
  unitId: string;
}

const FIELDS = ['name', 'phone', 'idNumber', 'unitId'] as const;

/** A number the reader was sent masked (138****8000): they cannot edit it, only replace it. */
function isMasked(value: string | null): boolean {
  return value?.includes('*') ?? false;
}

/**
 * Adds a person, or changes one (person.manage). The server checks the mobile number and
 * the resident ID number and its errors show under those fields. An edit sends only what
 * changed; a number the reader sees masked starts empty and is kept unless one is typed.
 */
export function PersonFormModal({
  person,
  defaultUnit,
  open,
  onClose,
  onSaved,
}: {
  /** The person to change; absent to add one. */
  person?: Person;
  /** For a new person: the unit to start with. */
  defaultUnit?: { id: string; name: string };
  open: boolean;
  onClose(): void;
  onSaved(person: Person): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const phoneMasked = person ? isMasked(person.phone) : false;
  const idMasked = person ? isMasked(person.idNumber) : false;

  const initialValues: Partial<Values> = person
    ? {
        name: person.name,
        phone: phoneMasked ? '' : (person.phone ?? ''),
        idNumber: idMasked ? '' : (person.idNumber ?? ''),
        unitId: person.unitId,
      }
    : { unitId: defaultUnit?.id };

  const changes = (values: Values): Partial<NewPerson> => {
    const name = values.name.trim();
    const phone = values.phone?.trim() ?? '';
    const idNumber = values.idNumber?.trim() ?? '';
    if (!person) {
      return { name, unitId: values.unitId, phone: phone || null, idNumber: idNumber || null };
    }
    const out: Partial<NewPerson> = {};
    if (name !== person.name) out.name = name;
    if (values.unitId !== person.unitId) out.unitId = values.unitId;
    if (phoneMasked ? phone !== '' : phone !== (person.phone ?? '')) out.phone = phone || null;
    if (idMasked ? idNumber !== '' : idNumber !== (person.idNumber ?? '')) out.idNumber = idNumber || null;
    return out;
  };

  return (
    <FormModal<Values>
      open={open}
      title={person ? t('people.editTitle', { name: person.name }) : t('people.add')}
      okText={t('common.save')}
      headerGap
      form={form}
      formName="person"
      formKey={person?.id ?? 'new'}
      clearOnDestroy
      initialValues={initialValues}
      fields={FIELDS}
      submit={async (values) => {
        const body = changes(values);
        if (person && Object.keys(body).length === 0) {
          onClose();
          return;
        }
        const saved = person
          ? await api.updatePerson(person.id, body)
          : await api.createPerson(body as NewPerson);
        form.resetFields();
        onSaved(saved);
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          <Form.Item
            name="name"
            label={t('people.name')}
            rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}
            {...serverFieldProps(error, 'name', locale)}
          >
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('people.phoneOptional')}
            extra={phoneMasked ? t('people.maskedKeep', { value: person?.phone ?? '' }) : undefined}
            {...serverFieldProps(error, 'phone', locale)}
          >
            <Input autoComplete="off" inputMode="tel" maxLength={20} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('people.idNumberOptional')}
            extra={idMasked ? t('people.maskedKeep', { value: person?.idNumber ?? '' }) : undefined}
            {...serverFieldProps(error, 'idNumber', locale)}
          >
            <Input autoComplete="off" maxLength={18} />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('people.unit')}
            rules={[{ required: true, message: t('org.unitRequired') }]}
            {...serverFieldProps(error, 'unitId', locale)}
          >
            <UnitSelect
              placeholder={t('org.searchUnit')}
              initialLabel={person?.unitName ?? defaultUnit?.name ?? undefined}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
