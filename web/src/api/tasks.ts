// Task, ledger, 督办, notification and 考核 API (src/http/routes/tasks.ts, projects.ts, supervision.ts,
// notifications.ts, assessment.ts): types come from the shared Zod contracts.
import type {
  assessmentSchema,
  candidateSchema,
  ledgerListingSchema,
  ledgerYearSchema,
  milestoneSchema,
  notificationSchema,
  orderSchema,
  proposeResultSchema,
  scanSummarySchema,
  settingsSchema,
  taskAttachmentSchema,
  taskDetailSchema,
  taskReportSchema,
  taskSchema,
} from '@contracts/tasks.ts';
import type { z } from 'zod';
import { api } from './client.ts';

export type Candidate = z.infer<typeof candidateSchema>;
export type ProposeResult = z.infer<typeof proposeResultSchema>;
export type Task = z.infer<typeof taskSchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type TaskReport = z.infer<typeof taskReportSchema>;
export type TaskAttachment = z.infer<typeof taskAttachmentSchema>;
export type LedgerListing = z.infer<typeof ledgerListingSchema>;
export type LedgerProject = LedgerListing['projects'][number];
export type LedgerYear = z.infer<typeof ledgerYearSchema>;
export type Order = z.infer<typeof orderSchema>;
export type ScanSummary = z.infer<typeof scanSummarySchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Notification = z.infer<typeof notificationSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type Colour = 'blue' | 'yellow' | 'red';

export interface Unit {
  id: string;
  countyId: string;
  countyName: string;
  name: string;
  kind: '部门' | '乡镇';
}

export const COLOUR_META: Record<Colour, { label: string; color: string; tag: string }> = {
  blue: { label: '蓝', color: '#0969da', tag: 'blue' },
  yellow: { label: '黄', color: '#bf8700', tag: 'gold' },
  red: { label: '红', color: '#cf222e', tag: 'red' },
};

export const REPORT_STATE_LABELS: Record<TaskReport['state'], string> = {
  draft: '填报中',
  submitted: '已提交',
  returned: '已退回',
  approved: '已通过',
};

export const CANDIDATE_STATE_LABELS: Record<Candidate['state'], string> = {
  proposed: '待处理',
  accepted: '已采纳',
  merged: '已合并',
  dropped: '已舍弃',
};

const q = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const tasksApi = {
  units: () => api.get<{ units: Unit[] }>('/api/units').then((r) => r.units),
  propose: (planId: string) => api.post<ProposeResult>(`/api/plans/${planId}/task-candidates`, {}),
  candidates: (planId: string) => api.get<{ candidates: Candidate[] }>(`/api/plans/${planId}/task-candidates`).then((r) => r.candidates),
  accept: (body: { candidateIds: string[]; intoTaskId?: string; task?: Record<string, unknown> }) => api.post<Task>('/api/task-candidates/accept', body),
  drop: (candidateId: string, note: string) => api.post<Candidate>(`/api/task-candidates/${candidateId}/drop`, { note }),
  list: (params: { planId?: string } = {}) => api.get<{ tasks: Task[] }>(`/api/tasks${q(params)}`).then((r) => r.tasks),
  get: (taskId: string) => api.get<TaskDetail>(`/api/tasks/${taskId}`),
  create: (body: Record<string, unknown>) => api.post<Task>('/api/tasks', body),
  update: (taskId: string, body: Record<string, unknown>) => api.patch<Task>(`/api/tasks/${taskId}`, body),
  addMilestone: (body: Record<string, unknown>) => api.post<Milestone>('/api/milestones', body),
  updateMilestone: (id: string, body: Record<string, unknown>) => api.patch<Milestone>(`/api/milestones/${id}`, body),
  saveReport: (taskId: string, body: Record<string, unknown>) => api.put<TaskReport>(`/api/tasks/${taskId}/reports`, body),
  submitReport: (reportId: string, version: number) => api.post<TaskReport>(`/api/task-reports/${reportId}/submit`, { version }),
  reviewReport: (reportId: string, body: { version: number; decision: 'approve' | 'return'; reason?: string }) =>
    api.post<TaskReport>(`/api/task-reports/${reportId}/review`, body),
  uploadAttachment: (reportId: string, file: File) =>
    api.post<TaskAttachment>(`/api/task-reports/${reportId}/attachments${q({ fileName: file.name })}`, undefined, {
      raw: { data: file, contentType: file.type || 'application/octet-stream' },
    }),
  buildLedger: (planId: string) => api.post<{ added: number; total: number }>(`/api/plans/${planId}/ledger`),
  ledger: (params: { planId?: string } = {}) => api.get<LedgerListing>(`/api/projects${q(params)}`),
  saveLedgerYear: (projectId: string, year: number, body: Record<string, unknown>) => api.put<LedgerYear>(`/api/projects/${projectId}/years/${year}`, body),
  orders: (params: { state?: string; colour?: string } = {}) => api.get<{ orders: Order[] }>(`/api/supervision/orders${q(params)}`).then((r) => r.orders),
  act: (orderId: string, body: { version: number; action: 'sign' | 'reply' | 'return' | 'close'; text?: string }) =>
    api.post<Order>(`/api/supervision/orders/${orderId}/actions`, body),
  scan: () => api.post<ScanSummary>('/api/supervision/scan', {}),
  settings: () => api.get<Settings>('/api/supervision/settings'),
  saveSettings: (body: Record<string, unknown>) => api.put<Settings>('/api/supervision/settings', body),
  notifications: () => api.get<{ notifications: Notification[]; unread: number; email: string | null }>('/api/notifications'),
  readAll: () => api.post<{ marked: number }>('/api/notifications/read', { ids: 'all' }),
  setEmail: (email: string | null) => api.put<{ email: string | null }>('/api/notifications/email', { email }),
  assessment: (year: number) => api.get<Assessment>(`/api/assessment${q({ year: String(year) })}`),
};
