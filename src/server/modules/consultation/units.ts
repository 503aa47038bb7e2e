import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { unitsOfIds } from './units.repository.ts';

/** Every id names an org unit; otherwise a 400 naming the first bad one. */
export async function unitsExist(db: Db, ids: string[], field: string): Promise<void> {
  const found = await unitsOfIds(db, ids);
  ids.forEach((id, i) => {
    if (!found.has(id))
      throw badRequest(
        'UNIT_NOT_FOUND',
        '单位不存在',
        'No such unit',
        ids.length > 1 || field.endsWith('Ids') ? `${field}.${i}` : field,
      );
  });
}
