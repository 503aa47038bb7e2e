import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { parseIsoDate } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from './org.repository.ts';
import { workTeamMembers, workTeams } from './org.tables.ts';
import { findPerson } from './people.repository.ts';

export interface CreateWorkTeamOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  name: string;
  /** The department that sends the team. */
  departmentId: string;
  /** The township where it is stationed. */
  townshipId: string;
  memberIds: string[];
  leaderId?: string | undefined;
  startsOn: string;
}

/**
 * G5: a mass-work team (群众工作队) sent by a department and stationed at a township,
 * responsible for the department's work there and jointly for the township's.
 */
export async function createWorkTeam(options: CreateWorkTeamOptions) {
  const { db, caller } = options;
  if (parseIsoDate(options.startsOn) === null)
    throw badRequest('BAD_DATE', '开始日期须为 YYYY-MM-DD', 'startsOn must be YYYY-MM-DD', 'startsOn');
  const [department, township] = await Promise.all([
    findOrgUnit(db, options.departmentId),
    findOrgUnit(db, options.townshipId),
  ]);
  if (department?.kind !== 'department')
    throw badRequest(
      'NOT_A_DEPARTMENT',
      '派出单位须为职能部门',
      'The sending unit must be a department',
      'departmentId',
    );
  if (township?.kind !== 'township')
    throw badRequest(
      'NOT_A_TOWNSHIP',
      '驻点单位须为镇街',
      'The team is stationed at a township',
      'townshipId',
    );
  requireAccess(caller, 'person.manage', township.path);
  if (options.memberIds.length === 0)
    throw badRequest('NO_MEMBERS', '工作队至少需要一名队员', 'A team needs at least one member', 'memberIds');
  if (options.leaderId && !options.memberIds.includes(options.leaderId)) {
    throw badRequest('LEADER_NOT_MEMBER', '队长须是队员之一', 'The leader must be a member', 'leaderId');
  }
  for (const [i, id] of options.memberIds.entries()) {
    if (!(await findPerson(db, id)))
      throw badRequest('PERSON_NOT_FOUND', '队员不存在', 'Member not found', `memberIds.${i}`);
  }
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [team] = await tx
      .insert(workTeams)
      .values({
        id,
        name: options.name.trim(),
        departmentId: department.id,
        townshipId: township.id,
        startsOn: options.startsOn,
        createdAt: now,
      })
      .returning();
    await tx.insert(workTeamMembers).values(
      [...new Set(options.memberIds)].map((personId) => ({
        teamId: id,
        personId,
        leader: personId === options.leaderId ? 1 : 0,
      })),
    );
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'org_unit', id: township.id },
      kind: 'org.work_team_stationed',
      payload: {
        teamId: id,
        name: options.name,
        departmentId: department.id,
        members: options.memberIds.length,
      },
    });
    return team;
  });
}
