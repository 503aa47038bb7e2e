/**
 * The intake module (C5): source systems with API keys (12345 hotline, petitions,
 * public opinion, Open311 clients), the intake API and Open311 GeoReport v2. Route files
 * are imported by http/server.ts directly, not through here.
 */
export { hashApiKey, newApiKey } from './api-key.ts';
export { authenticateSource } from './authenticate-source.ts';
export { type CreateIntakeSourceOptions, createIntakeSource } from './create-intake-source.ts';
export { disableIntakeSource } from './disable-intake-source.ts';
export { findCaseBySourceRef, type IntakeSourceRow } from './intake.repository.ts';
export { intakeSources } from './intake.tables.ts';
export { INTAKE_ELEMENTS } from './intake-input.ts';
export { type ChangeIntakeSourceOptions, INTAKE_CHANNELS, type IntakeChannel } from './intake-sources.ts';
export { type ReceiveCaseOptions, type ReceivedCase, receiveCase } from './receive-case.ts';
export { rotateIntakeSourceKey } from './rotate-intake-source-key.ts';
export { type SubmitOpen311RequestOptions, submitOpen311Request } from './submit-open311-request.ts';
