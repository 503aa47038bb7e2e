/** The consultation module: the monthly 会商研判 cycle (R1–R10). */
export { addItem, type ItemInput } from './add-item.ts';
export {
  accountabilityRecords,
  consultationItemCases,
  consultationItems,
  consultationMaterials,
  consultationSessions,
} from './consultation.tables.ts';
export { createSession, sessionDeadlines } from './create-session.ts';
export { dispatchDecidedCases } from './dispatch-decided-cases.ts';
export { fixAgenda } from './fix-agenda.ts';
export { issueMinutes } from './issue-minutes.ts';
export { type Determination, type MeetingRecord, recordMeeting } from './record-meeting.ts';
export { submitMaterial } from './submit-material.ts';
