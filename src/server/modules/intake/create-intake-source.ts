import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import type { OrgUnitRow } from '../org/index.ts';
import { newApiKey } from './api-key.ts';
import { findUnit, type IntakeSourceRow, insertSource } from './intake.repository.ts';
import { AREA_KINDS, type IntakeChannel, isUniqueViolation } from './intake-sources.ts';

export interface CreateIntakeSourceOptions {
  db: Db;
  clock: Clock;
  /** The system administrator; the area must lie in their scope. */
  actor: Actor;
  input: {
    /** Short stable code (`hotline12345`). */
    code: string;
    name: string;
    /** The channel the source's cases carry (C5). */
    channel: IntakeChannel;
    /** The subtree its cases must fall in (usually the district). */
    areaUnitId: string;
    /** May it post through Open311 GeoReport v2. */
    open311: boolean;
  };
}

/**
 * Registers a source system (C5) and returns its API key — the only time the key leaves
 * the server; only its SHA-256 is stored. The change and its event share one transaction.
 */
export async function createIntakeSource(
  options: CreateIntakeSourceOptions,
): Promise<{ source: IntakeSourceRow; area: OrgUnitRow; key: string }> {
  const { actor, input } = options;
  const now = options.clock.now();
  return options.db.transaction(async (tx) => {
    const area = await findUnit(tx, input.areaUnitId);
    if (!area || !AREA_KINDS.includes(area.kind)) {
      throw badRequest(
        'BAD_AREA',
        '辖区须为市、区县、乡镇（街道）、社区或网格',
        'The area must be a city, district, township, community or grid',
        'areaUnitId',
      );
    }
    requireAccess(actor, 'intake.manage', area.path);
    const { key, hash, prefix } = newApiKey();
    let source: IntakeSourceRow;
    try {
      // A savepoint, so that a taken code leaves the outer transaction usable.
      source = await tx.transaction((sp) =>
        insertSource(sp, {
          code: input.code,
          name: input.name,
          channel: input.channel,
          keyHash: hash,
          keyPrefix: prefix,
          areaUnitId: area.id,
          open311: input.open311,
          createdAt: now,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'intake_sources_code_uq')) {
        throw conflict('SOURCE_CODE_TAKEN', '该来源系统代码已被使用', 'This source code is taken', 'code');
      }
      throw error;
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'intake_source', id: source.id },
      kind: 'intake.source_created',
      // Never the key: the log is read by auditors and kept for ever.
      payload: {
        code: source.code,
        name: source.name,
        channel: source.channel,
        areaUnitId: area.id,
        open311: source.open311,
        keyPrefix: prefix,
      },
    });
    return { source, area, key };
  });
}
