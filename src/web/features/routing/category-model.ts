import type { Locale } from '../../i18n/translate.ts';
import { type CategoryGroup, categoryGroups } from '../cases/call-form.ts';
import { categoryName } from '../cases/case-labels.ts';
import type { Category, SlaClass } from '../cases/case-types.ts';
import type { CategoryInput } from './routing-types.ts';

/** One 大类 with its 小类, in the catalogue's order. */
export interface CategoryBranch {
  branch: Category;
  leaves: Category[];
}

/**
 * The catalogue as a two-level tree (大类 → 小类), in the server's order. Retired entries
 * are left out unless asked for; a retired 大类 shows with them only.
 */
export function categoryTree(items: readonly Category[], showRetired: boolean): CategoryBranch[] {
  const shown = items.filter((item) => showRetired || !item.retiredAt);
  const branches = shown.filter((item) => item.parentCode === null);
  return branches.map((branch) => ({
    branch,
    leaves: shown.filter((item) => item.parentCode === branch.code),
  }));
}

/** A 小类's code is its 大类's code, a dot and its own part: `utility` + `water` → `utility.water`. */
export function leafCode(parentCode: string, part: string): string {
  return `${parentCode}.${part.trim()}`;
}

/** What the category form holds (`code` is the 小类's own part after the dot). */
export interface CategoryValues {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  slaClass?: SlaClass;
  keywords?: string;
}

/**
 * The request to add a category under `parentCode` (null: a 大类) or, with `existing`,
 * the changes to it: only the fields that differ, trimmed. A 大类 has no SLA class.
 */
export function categoryBody(
  values: CategoryValues,
  parentCode: string | null,
  existing?: Category,
): CategoryInput {
  const text = (value: string | undefined) => value?.trim() ?? '';
  const keywords = text(values.keywords).split(/\s+/).filter(Boolean).join(' ');
  if (!existing) {
    return {
      code: parentCode ? leafCode(parentCode, values.code ?? '') : text(values.code),
      parentCode,
      nameZh: text(values.nameZh),
      nameEn: text(values.nameEn),
      slaClass: parentCode ? (values.slaClass ?? null) : null,
      keywords,
    };
  }
  const changes: CategoryInput = {};
  if (text(values.nameZh) !== existing.nameZh) changes.nameZh = text(values.nameZh);
  if (text(values.nameEn) !== existing.nameEn) changes.nameEn = text(values.nameEn);
  if (keywords !== existing.keywords) changes.keywords = keywords;
  if (existing.parentCode && values.slaClass && values.slaClass !== existing.slaClass)
    changes.slaClass = values.slaClass;
  return changes;
}

/**
 * The choices of a category picker: the active 小类 under their 大类 (as the call form
 * offers them) and, with `branchLabel`, each 大类 itself first in its group — a rule for a
 * 大类 covers all its 小类 (R1).
 */
export function categoryChoices(
  items: readonly Category[],
  locale: Locale,
  branchLabel?: (name: string) => string,
): CategoryGroup[] {
  const groups = categoryGroups(items, locale);
  if (!branchLabel) return groups;
  const branches = items.filter((item) => item.parentCode === null && !item.retiredAt);
  return branches.map((branch) => {
    const name = categoryName(branch, locale);
    const leaves = groups.find((group) => group.label === name)?.options ?? [];
    const search = [branch.nameZh, branch.nameEn, branch.code, branch.keywords].join(' ').toLowerCase();
    return {
      label: name,
      title: name,
      options: [{ value: branch.code, label: branchLabel(name), search }, ...leaves],
    };
  });
}
