import { requestJson, requestVoid, withQuery } from '../../lib/api.ts';
import type { Items } from '../../lib/api-types.ts';
import type { Category } from '../cases/case-types.ts';
import type { CategoryInput, NewRule, Rule, Suggestion } from './routing-types.ts';

const id = encodeURIComponent;

/**
 * The .xlsx of the catalogue in the reader's scope, filtered like the page (a category or
 * `fallback`, an area), rules valid now or later (a plain link: the browser downloads it).
 */
export const rulesXlsxUrl = (filter: { category?: string | undefined; area?: string | undefined } = {}) =>
  withQuery('/api/routing/rules.xlsx', filter);

/** The routing endpoints; kept out of lib/api.ts so the login page does not download them. */
export const routingApi = {
  rules: (query: { category?: string; areaUnitId?: string; limit?: number } = {}) =>
    requestJson<Items<Rule>>('GET', withQuery('/api/routing/rules', query)),
  /** R1: 409 RULE_OVERLAP when a rule for the same category and area is valid then (send replacesId). */
  createRule: (body: NewRule) => requestJson<Rule>('POST', '/api/routing/rules', { body }),
  /** `content`: the .xlsx file, base64; a refusal (422 IMPORT_INVALID) lists the cells in `ApiError.body`. */
  importRules: (content: string) =>
    requestJson<{ created: number }>('POST', '/api/routing/rules/import', { body: { content } }),
  suggest: (category: string, placeUnitId: string) =>
    requestJson<Suggestion>('GET', withQuery('/api/routing/suggest', { category, grid: placeUnitId })),

  /** The whole catalogue, retired entries included. */
  categories: () => requestJson<Items<Category>>('GET', withQuery('/api/categories', { retired: 'true' })),
  createCategory: (body: CategoryInput) => requestJson<Category>('POST', '/api/categories', { body }),
  updateCategory: (code: string, body: CategoryInput) =>
    requestJson<Category>('PATCH', `/api/categories/${id(code)}`, { body }),
  retireCategory: (code: string) => requestJson<Category>('POST', `/api/categories/${id(code)}/retire`),
  restoreCategory: (code: string) => requestJson<Category>('POST', `/api/categories/${id(code)}/restore`),
  /** 409 CATEGORY_IN_USE while anything names it. */
  deleteCategory: (code: string) => requestVoid('DELETE', `/api/categories/${id(code)}`),
};
