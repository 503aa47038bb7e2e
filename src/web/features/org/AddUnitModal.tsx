import { Form, Input, Select } from 'antd';
import { useRef } from 'react';
import { FormModal } from '../../components/FormModal.tsx';
import { serverFieldProps, serverFieldsProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { orgKindLabel } from '../../i18n/translate.ts';
import { api } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { gridTypeLabel } from './org-labels.ts';
import { childKindsOf, codeDigits, GRID_TYPES, suggestChildCode } from './org-rules.ts';
import { UnitSelect } from './RemoteSelect.tsx';

interface Values {
  kind: string;
  code: string;
  name: string;
  fullName?: string;
  gridType?: string;
  departmentId?: string;
}

const FIELDS = ['kind', 'code', 'name', 'fullName', 'gridType', 'departmentId', 'parentId'] as const;

/** Adds a unit under `parent` (org.manage): the kinds its level allows, a suggested code. */
export function AddUnitModal({
  parent,
  siblings,
  open,
  onClose,
  onCreated,
}: {
  parent: OrgUnit;
  siblings: readonly OrgUnit[];
  open: boolean;
  onClose(): void;
  onCreated(unit: OrgUnit): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  // The code last offered, to tell it from one the reader typed.
  const suggested = useRef('');
  const kinds = childKindsOf(parent.kind);
  const digits = kind ? codeDigits(kind) : undefined;

  return (
    <FormModal<Values>
      open={open}
      title={t('org.addChildTitle', { name: parent.name })}
      okText={t('common.save')}
      headerGap
      form={form}
      formName="addUnit"
      clearOnDestroy
      initialValues={{ gridType: 'block' }}
      fields={FIELDS}
      submit={async (values) => {
        const unit = await api.createOrgUnit({
          parentId: parent.id,
          kind: values.kind,
          code: values.code.trim(),
          name: values.name.trim(),
          fullName: values.fullName?.trim() || null,
          ...(values.kind === 'grid' ? { gridType: values.gridType ?? null } : {}),
          ...(values.kind === 'agency' ? { departmentId: values.departmentId ?? null } : {}),
        });
        form.resetFields();
        onCreated(unit);
      }}
      onValuesChange={(changed) => {
        if (changed.kind === undefined) return;
        // Offer a code for the new kind unless the reader typed one of their own.
        const typed = form.getFieldValue('code') as string | undefined;
        if (!typed || typed === suggested.current) {
          suggested.current = suggestChildCode(parent, siblings, changed.kind);
          form.setFieldValue('code', suggested.current);
        }
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          <Form.Item
            name="kind"
            label={t('org.kind')}
            rules={[{ required: true, message: t('org.kindRequired') }]}
            {...serverFieldsProps(error, ['kind', 'parentId'], locale)}
          >
            <Select
              options={kinds.map((value) => ({ value, label: orgKindLabel(t, value) }))}
              placeholder={t('org.kindPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('org.code')}
            extra={digits ? t('org.codeDigits', { digits }) : undefined}
            rules={[{ required: true, whitespace: true, message: t('org.codeRequired') }]}
            {...serverFieldProps(error, 'code', locale)}
          >
            <Input autoComplete="off" inputMode={digits ? 'numeric' : undefined} maxLength={40} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('org.name')}
            rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }]}
            {...serverFieldProps(error, 'name', locale)}
          >
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
          <Form.Item
            name="fullName"
            label={t('org.fullNameOptional')}
            {...serverFieldProps(error, 'fullName', locale)}
          >
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          {kind === 'grid' && (
            <Form.Item
              name="gridType"
              label={t('org.gridType')}
              {...serverFieldProps(error, 'gridType', locale)}
            >
              <Select options={GRID_TYPES.map((value) => ({ value, label: gridTypeLabel(t, value) }))} />
            </Form.Item>
          )}
          {kind === 'agency' && (
            <Form.Item
              name="departmentId"
              label={t('org.department')}
              rules={[{ required: true, message: t('org.departmentRequired') }]}
              {...serverFieldProps(error, 'departmentId', locale)}
            >
              <UnitSelect kind="department" placeholder={t('org.searchUnit')} />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
