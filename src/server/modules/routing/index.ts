/** The routing module: the category catalogue and the responsibility catalogue (权责清单, R1, C7). */

export { type CategoryRow, listCategories, requireCaseCategory } from './categories.repository.ts';
export { CATEGORY_CATALOGUE, type CatalogueEntry } from './category-catalogue.ts';
export { type CategoryInput, createCategory } from './create-category.ts';
export { createRule, type RuleInput } from './create-rule.ts';
export { deleteCategory } from './delete-category.ts';
export { exportRules } from './export-rules.ts';
export { importRules, RulesImportInvalidError } from './import-rules.ts';
export { restoreCategory } from './restore-category.ts';
export { retireCategory } from './retire-category.ts';
export {
  categories,
  PRINCIPLES,
  type Principle,
  responsibilityRules,
  SLA_CLASSES,
  type SlaClass,
} from './routing.tables.ts';
export { ruleQuality } from './rule-quality.ts';
export { findRule, suggestFor } from './rules.repository.ts';
export { type RuleRow, type Suggestion, suggestRule } from './suggest.ts';
export { type CategoryChanges, updateCategory } from './update-category.ts';
