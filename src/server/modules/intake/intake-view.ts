import { z } from 'zod';
import type { CaseView } from '../cases/index.ts';
import { maskPhone } from '../org/index.ts';

/** What a source system reads about a case it handed in (C5, C12). */
export const intakeCaseView = z.object({
  id: z.uuid(),
  number: z.string(),
  sourceRef: z.string(),
  channel: z.string(),
  state: z.string(),
  stateType: z.string(),
  /** open or closed, from the state's type. */
  status: z.enum(['open', 'closed']),
  /** The party as handed in, phone numbers masked. */
  party: z.string(),
  gridId: z.uuid().nullable(),
  outsideGrid: z.boolean(),
  /** C12: the answer to the raiser, set when the case closes. */
  feedback: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IntakeCaseView = z.infer<typeof intakeCaseView>;

/** Digit runs shaped like phone numbers (mobiles, landlines with area codes). */
const PHONE_RUN = /(?<![\d])\+?\d[\d -]{5,18}\d(?![\d])/g;

/** Masks every phone-shaped number in a text (personal-data.ts: 138****8000). */
export function maskPhonesIn(text: string): string {
  return text.replace(PHONE_RUN, (run) => maskPhone(run.replace(/[ -]/g, '')) ?? run);
}

export function presentIntakeCase(view: CaseView, sourceRef: string): IntakeCaseView {
  return {
    id: view.id,
    number: view.number,
    sourceRef,
    channel: view.channel,
    state: view.state,
    stateType: view.stateType,
    status: view.stateType === 'closed' ? 'closed' : 'open',
    party: maskPhonesIn(view.party),
    gridId: view.gridId,
    outsideGrid: view.outsideGrid,
    feedback: view.feedback,
    feedbackAt: view.feedbackAt,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}
