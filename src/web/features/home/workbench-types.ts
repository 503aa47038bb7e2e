export type DutyUrgency = 'overdue' | 'due_soon' | 'running';

/** One open duty of my units (GET /api/workbench). */
export interface WorkbenchDuty {
  id: string;
  ruleId: string;
  subjectType: string;
  subjectId: string;
  unit: { id: string; name: string };
  dueAt: string;
  urgency: DutyUrgency;
  /** The page the duty is done on; null when the web has none for it. */
  link: string | null;
  case: {
    id: string;
    number: string | null;
    state: string | null;
    category: { code: string | null; nameZh: string | null; nameEn: string | null };
  } | null;
  title: string | null;
}

export interface Workbench {
  asOf: string;
  roles: string[];
  actions: string[];
  counts: { overdue: number; dueSoon: number; running: number };
  duties: WorkbenchDuty[];
}
