// Register → indicator binding rules (issue 6 "Indicators from registers"). A plan indicator bound to a rule gets a
// figure computed from the registers, shown as source “登记系统” with the records behind it, beside the figure a
// department reported; the bureau chooses the official one. Pure: the service hands in the register rows.
import { isValidOn, type CertificateFacts, type CertificationKind } from './certifications.ts';
import type { CommissionerLevel } from './commissioners.ts';
import { yearEnd } from './dates.ts';
import { technologyContractTotal, type ContractFacts, type ContractSide } from './tech-contracts.ts';

export const REGISTER_SOURCE = '登记系统';

export const PLATFORM_KINDS = ['企业技术研发中心', '工程技术研究中心', '重点实验室', '众创空间', '星创天地', '孵化器'] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];
export const PLATFORM_LEVELS = ['国家级', '市级', '县级'] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];

export const REGISTER_RULES = [
  'hnte-valid-at-year-end',
  'certificates-valid-at-year-end',
  'tsme-registered-in-year',
  'specialized-valid-at-year-end',
  'platforms-active-at-year-end',
  'commissioners-serving-in-year',
  'tech-contract-amount',
] as const;
export type RegisterRule = (typeof REGISTER_RULES)[number];

export const REGISTER_RULE_LABELS: Record<RegisterRule, string> = {
  'hnte-valid-at-year-end': '年末有效高新技术企业数',
  'certificates-valid-at-year-end': '年末持有效资格的企业数（按资格类型）',
  'tsme-registered-in-year': '当年入库科技型中小企业数',
  'specialized-valid-at-year-end': '年末有效专精特新企业数',
  'platforms-active-at-year-end': '年末存续研发平台数',
  'commissioners-serving-in-year': '当年在岗科技特派员数',
  'tech-contract-amount': '技术合同成交额（万元）',
};

export interface BindingParams {
  /** certificates-valid-at-year-end: which kinds count (an enterprise holding two counts once) */
  certificationKinds?: CertificationKind[];
  /** platforms: which kinds and levels count (empty = all) */
  platformKinds?: PlatformKind[];
  platformLevels?: PlatformLevel[];
  /** commissioners: which levels count (empty = all) */
  commissionerLevels?: CommissionerLevel[];
  /** tech contracts: 输出 (seller, default) or 吸纳 (buyer) */
  side?: ContractSide;
  /** tech contracts: 成交额 (default) or 技术交易额 */
  amount?: 'contract' | 'technology';
}

export interface RegisterRecordRef {
  id: string;
  /** Register the record lives in, for linking: enterprise / certification / platform / commissioner / tech-contract */
  entity: string;
  label: string;
  /** The record's share of the figure (1 for counts, the amount for sums). */
  value: number;
}

export interface RegisterFigure {
  rule: RegisterRule;
  year: number;
  value: number;
  /** Unit of `value`: 个 / 家 / 人 / 万元 */
  unit: string;
  description: string;
  records: RegisterRecordRef[];
}

export interface PlatformFacts {
  id: string;
  name: string;
  kind: PlatformKind;
  level: PlatformLevel;
  recognisedOn: string;
  revokedOn: string | null;
}

export interface CommissionerFacts {
  id: string;
  name: string;
  level: CommissionerLevel;
  /** Dispatch periods: serving in year Y if any overlaps it. */
  dispatches: { startOn: string; endOn: string | null }[];
}

export interface RegisterData {
  enterpriseNames: ReadonlyMap<string, string>;
  certificates: readonly CertificateFacts[];
  platforms: readonly PlatformFacts[];
  commissioners: readonly CommissionerFacts[];
  contracts: readonly ContractFacts[];
}

export function computeRegisterFigure(rule: RegisterRule, params: BindingParams, year: number, data: RegisterData): RegisterFigure {
  const end = yearEnd(year);
  const start = `${year}-01-01`;
  const certCount = (pred: (c: CertificateFacts) => boolean, description: string): RegisterFigure => {
    // One enterprise counts once even if it holds two matching certificates (e.g. 专精特新 and 小巨人).
    const seen = new Map<string, CertificateFacts>();
    for (const c of data.certificates) if (pred(c) && !seen.has(c.enterpriseId)) seen.set(c.enterpriseId, c);
    const records = [...seen.values()]
      .map((c) => ({ id: c.id, entity: 'certification', label: `${data.enterpriseNames.get(c.enterpriseId) ?? c.enterpriseId}（${c.kind}，有效期至 ${c.validUntil}）`, value: 1 }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
    return { rule, year, value: records.length, unit: '家', description, records };
  };
  switch (rule) {
    case 'hnte-valid-at-year-end':
      return certCount((c) => c.kind === '高新技术企业' && isValidOn(c, end), `${end} 有效期内的高新技术企业证书（按企业计）`);
    case 'certificates-valid-at-year-end': {
      const kinds = params.certificationKinds ?? [];
      return certCount(
        (c) => (kinds.length === 0 || kinds.includes(c.kind)) && isValidOn(c, end),
        `${end} 有效期内的${kinds.length ? kinds.join('、') : '各类'}资格（按企业计）`,
      );
    }
    case 'specialized-valid-at-year-end':
      return certCount(
        (c) => (c.kind === '专精特新中小企业' || c.kind === '专精特新小巨人') && isValidOn(c, end),
        `${end} 有效期内的专精特新中小企业（含小巨人）`,
      );
    case 'tsme-registered-in-year':
      return certCount(
        (c) => c.kind === '科技型中小企业' && c.issuedOn >= start && c.issuedOn <= end && (c.revokedOn === null || c.revokedOn > end),
        `${year}年取得入库登记编号的科技型中小企业（当年入库数，每年重新计）`,
      );
    case 'platforms-active-at-year-end': {
      const kinds = params.platformKinds ?? [];
      const levels = params.platformLevels ?? [];
      const records = data.platforms
        .filter((p) => (kinds.length === 0 || kinds.includes(p.kind)) && (levels.length === 0 || levels.includes(p.level)))
        .filter((p) => p.recognisedOn <= end && (p.revokedOn === null || p.revokedOn > end))
        .map((p) => ({ id: p.id, entity: 'platform', label: `${p.name}（${p.level}${p.kind}，${p.recognisedOn} 认定）`, value: 1 }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
      const what = `${levels.length ? levels.join('、') : ''}${kinds.length ? kinds.join('、') : '研发平台'}`;
      return { rule, year, value: records.length, unit: '个', description: `${end} 已认定且未撤销的${what}`, records };
    }
    case 'commissioners-serving-in-year': {
      const levels = params.commissionerLevels ?? [];
      const records = data.commissioners
        .filter((c) => levels.length === 0 || levels.includes(c.level))
        .filter((c) => c.dispatches.some((d) => d.startOn <= end && (d.endOn === null || d.endOn >= start)))
        .map((c) => ({ id: c.id, entity: 'commissioner', label: `${c.name}（${c.level}）`, value: 1 }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
      return { rule, year, value: records.length, unit: '人', description: `${year}年有派驻记录的${levels.length ? levels.join('、') : ''}科技特派员`, records };
    }
    case 'tech-contract-amount': {
      const side = params.side ?? 'seller';
      const amount = params.amount ?? 'contract';
      const total = technologyContractTotal(data.contracts, { year, side, amount });
      return {
        rule,
        year,
        value: total.total,
        unit: '万元',
        description: `${year}年登记、${side === 'seller' ? '卖方（输出方）' : '买方（吸纳方）'}在本县的技术合同${amount === 'contract' ? '成交额' : '技术交易额'}合计`,
        records: total.records.map((c) => ({
          id: c.id,
          entity: 'tech-contract',
          label: `${c.registrationNumber}（${c.type}，${c.registeredOn}）`,
          value: amount === 'contract' ? c.contractAmount : c.technologyAmount,
        })),
      };
    }
  }
}

/** Converts a figure in its own unit to the indicator's unit (万元 ↔ 亿元/元); null when the units do not match. */
export function convertToIndicatorUnit(value: number, fromUnit: string, indicatorUnit: string | null): number | null {
  const to = (indicatorUnit ?? '').trim();
  if (to === '' || to === fromUnit) return value;
  const money: Record<string, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };
  const from = money[fromUnit];
  const target = money[to];
  if (from !== undefined && target !== undefined) return Math.round(((value * from) / target) * 1e6) / 1e6;
  const counts = new Set(['个', '家', '户', '人', '名', '项', '所']);
  if (counts.has(fromUnit) && counts.has(to)) return value;
  return null;
}

/**
 * A rule suggested for a plan indicator by its name (the bureau confirms): 高新技术企业 → valid 高企 certificates,
 * 科技型（中小）企业 → 科技型中小企业 entries, 研发中心/研发平台 → platforms, 科技特派员 → commissioners,
 * 技术合同成交额 → contract sum. Null when no rule fits.
 */
export function suggestRegisterRule(indicatorName: string): { rule: RegisterRule; params: BindingParams } | null {
  const name = indicatorName.replace(/\s+/g, '');
  if (/技术合同(成交|交易)/.test(name)) return { rule: 'tech-contract-amount', params: { side: 'seller', amount: /技术交易额/.test(name) ? 'technology' : 'contract' } };
  if (/高新技术企业/.test(name) && !/产值|增加值|收入|占比|比重/.test(name)) return { rule: 'hnte-valid-at-year-end', params: {} };
  if (/专精特新/.test(name)) return { rule: 'specialized-valid-at-year-end', params: {} };
  if (/科技型中小企业/.test(name) && !/产值|收入/.test(name)) return { rule: 'tsme-registered-in-year', params: {} };
  // 重庆 plans' "科技型企业" is the municipal 科技型企业库 — a stock at year end, not the yearly 科技型中小企业 entry.
  if (/科技型企业/.test(name) && !/产值|收入/.test(name)) return { rule: 'certificates-valid-at-year-end', params: { certificationKinds: ['科技型企业'] } };
  if (/科技特派员/.test(name)) return { rule: 'commissioners-serving-in-year', params: /市级/.test(name) ? { commissionerLevels: ['市级'] } : {} };
  const kinds = PLATFORM_KINDS.filter((k) => name.includes(k) || (k === '企业技术研发中心' && /研发中心/.test(name)));
  if (kinds.length > 0) return { rule: 'platforms-active-at-year-end', params: { platformKinds: kinds } };
  if (/研发平台|创新平台|研发机构/.test(name)) return { rule: 'platforms-active-at-year-end', params: {} };
  return null;
}
