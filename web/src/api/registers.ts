// 登记系统 API (src/http/routes/enterprises.ts, platforms.ts, commissioners.ts, tech-contracts.ts, rule-packs.ts,
// register-bindings.ts): types come from the shared Zod contracts.
import type {
  alertSchema,
  assessBody,
  assessmentSchema,
  bindingSchema,
  certificationBody,
  certificationPatchBody,
  commissionerBody,
  confirmLogBody,
  contractBody,
  contractPatchBody,
  dispatchBody,
  dispatchSchema,
  serviceLogBody,
  serviceLogSchema,
  storedRegisterFigureSchema,
  registerFigureSchema,
  certificationSchema,
  commissionerDetailSchema,
  commissionerSchema,
  contractSchema,
  contractTotalsSchema,
  enterpriseListItemSchema,
  enterpriseSchema,
  evaluationSchema,
  figuresSchema,
  funnelSchema,
  importResultSchema,
  platformSchema,
  rulePackSchema,
} from '@contracts/registers.ts';
import type { z } from 'zod';
import { api, qs } from './client.ts';

export type EnterpriseListItem = z.infer<typeof enterpriseListItemSchema>;
export type Enterprise = z.infer<typeof enterpriseSchema>;
export type Figures = z.infer<typeof figuresSchema>;
export type Certification = z.infer<typeof certificationSchema>;
export type CertificationAlert = z.infer<typeof alertSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type Funnel = z.infer<typeof funnelSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type Platform = z.infer<typeof platformSchema>;
export type Commissioner = z.infer<typeof commissionerSchema>;
export type CommissionerDetail = z.infer<typeof commissionerDetailSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type ContractTotals = z.infer<typeof contractTotalsSchema>;
export type RulePack = z.infer<typeof rulePackSchema>;

export interface EnterpriseDetail extends Enterprise {
  figures: Figures[];
  certifications: Omit<Certification, 'state'>[];
  evaluations: Evaluation[];
}

/** `q` matches the name or the 统一社会信用代码 on the server; `limit` is capped at 500 there (enterpriseQuery). */
export const fetchEnterprises = (q: string, limit = 500) =>
  api.get<{ enterprises: EnterpriseListItem[]; total: number }>(`/api/enterprises${qs({ q, limit })}`);
export const fetchEnterprise = (id: string) => api.get<EnterpriseDetail>(`/api/enterprises/${id}`);
export const createEnterprise = (body: { uscc: string; name: string; town?: string | null; industry?: string | null }) => api.post<Enterprise>('/api/enterprises', body);
export const evaluate = (id: string, body: { kind: Evaluation['kind']; year: number; declarations: Record<string, unknown> }) =>
  api.post<Evaluation>(`/api/enterprises/${id}/evaluations`, body);
export const importEnterprises = (file: Blob, dryRun: boolean) =>
  api.upload<ImportResult>(`/api/enterprises/import${qs({ dryRun: dryRun ? 'true' : undefined })}`, file, 'application/octet-stream');
export const downloadEnterpriseTemplate = () => api.download('/api/enterprises/import-template.xlsx', '企业名录导入模板.xlsx');
export const fetchCertifications = () => api.get<{ certifications: Certification[] }>('/api/certifications');
export const fetchAlerts = (withinDays = 90) => api.get<{ alerts: CertificationAlert[] }>(`/api/certifications/alerts${qs({ withinDays })}`);
export const fetchFunnel = (year: number) => api.get<Funnel>(`/api/registers/funnel${qs({ year })}`);
export const fetchPlatforms = () => api.get<{ platforms: Platform[] }>('/api/platforms');
export const fetchCommissioners = () => api.get<{ commissioners: Commissioner[] }>('/api/commissioners');
export const fetchCommissioner = (id: string) => api.get<CommissionerDetail>(`/api/commissioners/${id}`);
export const fetchContracts = (year?: number) => api.get<{ contracts: Contract[] }>(`/api/tech-contracts${qs({ year })}`);
export const fetchContractTotals = (year: number, side: 'seller' | 'buyer') => api.get<ContractTotals>(`/api/tech-contracts/totals${qs({ year, side })}`);
export const fetchRulePacks = () => api.get<{ rulePacks: RulePack[] }>('/api/rule-packs');

export type Binding = z.infer<typeof bindingSchema>;
export type RegisterFigure = z.infer<typeof registerFigureSchema>;
export const fetchBindings = () => api.get<{ bindings: Binding[] }>('/api/register-bindings');
export const bindIndicator = (b: Binding) => api.post<Binding>('/api/register-bindings', { indicatorId: b.indicatorId, rule: b.rule, params: b.params, version: b.version });
export const fetchBoundFigure = (bindingId: string, year: number) => api.get<RegisterFigure>(`/api/register-bindings/${bindingId}/figure${qs({ year })}`);
export const syncBoundFigure = (bindingId: string, year: number) => api.post<RegisterFigure>(`/api/register-bindings/${bindingId}/sync`, { year });

// ── entry forms (certifications, 特派员 dispatches / service logs / assessments, technology contracts) ─────────────
// Bodies are the contracts' parsed output: the forms check them with the same Zod schemas before sending.
export type CertificationBody = z.output<typeof certificationBody>;
export type CertificationPatch = z.output<typeof certificationPatchBody>;
export type StoredCertification = Omit<Certification, 'state'>;
export type Dispatch = z.infer<typeof dispatchSchema>;
export type ServiceLog = z.infer<typeof serviceLogSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;

export const recordCertification = (body: CertificationBody) => api.post<StoredCertification>('/api/certifications', body);
export const updateCertification = (id: string, body: CertificationPatch) => api.patch<StoredCertification>(`/api/certifications/${id}`, body);
export const createCommissioner = (body: z.output<typeof commissionerBody>) => api.post<Commissioner>('/api/commissioners', body);
export const dispatchCommissioner = (commissionerId: string, body: z.output<typeof dispatchBody>) =>
  api.post<Dispatch>(`/api/commissioners/${commissionerId}/dispatches`, body);
export const logService = (commissionerId: string, body: z.output<typeof serviceLogBody>) =>
  api.post<ServiceLog>(`/api/commissioners/${commissionerId}/service-logs`, body);
export const confirmServiceLog = (logId: string, body: z.output<typeof confirmLogBody>) => api.post<ServiceLog>(`/api/service-logs/${logId}/confirm`, body);
/** A photo goes up as the raw bytes; the server checks them (JPG/PNG by content). */
export const uploadServiceLogPhoto = (logId: string, file: File) =>
  api.upload<ServiceLog['photos'][number]>(`/api/service-logs/${logId}/photos${qs({ fileName: file.name })}`, file, file.type || 'application/octet-stream');
export const assessCommissioner = (commissionerId: string, body: z.output<typeof assessBody>) =>
  api.post<Assessment>(`/api/commissioners/${commissionerId}/assessments`, body);
export const createContract = (body: z.output<typeof contractBody>) => api.post<Contract>('/api/tech-contracts', body);
export const updateContract = (id: string, body: z.output<typeof contractPatchBody>) => api.patch<Contract>(`/api/tech-contracts/${id}`, body);

/** The 登记系统 figures of an indicator (latest computation per year) with the records behind each. */
export type StoredRegisterFigure = z.infer<typeof storedRegisterFigureSchema>;
export const fetchIndicatorRegisterFigures = (indicatorId: string) =>
  api.get<{ figures: StoredRegisterFigure[] }>(`/api/indicators/${indicatorId}/register-figures`);
