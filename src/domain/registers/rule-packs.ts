// Versioned rule packs (domain-rules "Design rule"): every rule set carries a version, effectiveFrom/effectiveTo, a
// document number (文号) and a source URL, and every evaluation records the pack version it used. The built-in packs
// below are the texts as the domain rules give them; the municipal bureau publishes further versions (new 文号, a
// changed [U] parameter) through the API — those live in the database beside these.
import { COMMISSIONER_ASSESSMENT_DEFAULT, type CommissionerAssessmentParams } from './commissioners.ts';
import { HNTE_2016_PARAMS, type HnteParams } from './hnte.ts';
import { INNOVATIVE_SME_2022_PARAMS, type InnovativeSmeParams } from './innovative-sme.ts';
import { SPECIALIZED_SME_2022_PARAMS, SPECIALIZED_SME_2026_PARAMS, type SpecializedSmeParams } from './specialized-sme.ts';
import { TSME_2017_PARAMS, TSME_2022_PARAMS, type TsmeParams } from './tsme.ts';

export const RULE_PACK_KINDS = ['tsme', 'hnte', 'innovative-sme', 'specialized-sme', 'commissioner-assessment'] as const;
export type RulePackKind = (typeof RULE_PACK_KINDS)[number];

export const RULE_PACK_KIND_LABELS: Record<RulePackKind, string> = {
  tsme: '科技型中小企业评价',
  hnte: '高新技术企业认定',
  'innovative-sme': '创新型中小企业评价',
  'specialized-sme': '专精特新中小企业认定',
  'commissioner-assessment': '科技特派员年度考核',
};

export interface RulePackParamsByKind {
  tsme: TsmeParams;
  hnte: HnteParams;
  'innovative-sme': InnovativeSmeParams;
  'specialized-sme': SpecializedSmeParams;
  'commissioner-assessment': CommissionerAssessmentParams;
}

export interface RulePackMeta {
  kind: RulePackKind;
  /** Unique within the kind, e.g. "2017-115+2022-67". */
  version: string;
  title: string;
  /** 文号 */
  docNumber: string;
  sourceUrl: string;
  /** First day in force, 'YYYY-MM-DD'. */
  effectiveFrom: string;
  /** Last day in force (inclusive), or null while in force. */
  effectiveTo: string | null;
  /** Reliability of the pack's content: [V]/[S]/[R]/[U] notes a reviewer must see. */
  reliability: string;
}

export type RulePackOf<K extends RulePackKind> = RulePackMeta & { kind: K; params: RulePackParamsByKind[K] };
export type RulePack = { [K in RulePackKind]: RulePackOf<K> }[RulePackKind];

export const BUILTIN_RULE_PACKS: readonly RulePack[] = [
  {
    kind: 'tsme',
    version: '2017-115',
    title: '《科技型中小企业评价办法》',
    docNumber: '国科发政〔2017〕115号',
    sourceUrl: 'https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/fgzc/gfxwj/gfxwj2017/201705/t20170510_132709.html',
    effectiveFrom: '2017-05-03',
    effectiveTo: '2021-12-31',
    reliability: '条件与评分表 [V]；直接确认 [S]；入库编号有效期 [S/U]',
    params: TSME_2017_PARAMS,
  },
  {
    kind: 'tsme',
    version: '2017-115+2022-67',
    title: '《科技型中小企业评价办法》及《科技型中小企业评价服务工作指引》',
    docNumber: '国科发政〔2017〕115号；国科火字〔2022〕67号',
    sourceUrl: 'https://kjt.guizhou.gov.cn/wzzt/kjxqypy_5939804/kjxzxqy_5939820/zcwj_5939821/202306/t20230612_80172566.html',
    // The 指引's exact date of effect is not in the sources: the 2022 evaluation year is used [U].
    effectiveFrom: '2022-01-01',
    effectiveTo: null,
    reliability: '评分表 [V]；2022年指引修订条件（一）（四）[S]；排除行业清单 [U]，生效日期按2022年度 [U]',
    params: TSME_2022_PARAMS,
  },
  {
    kind: 'hnte',
    version: '2016-32',
    title: '《高新技术企业认定管理办法》及《工作指引》',
    docNumber: '国科发火〔2016〕32号；国科发火〔2016〕195号',
    sourceUrl: 'https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/fgzc/gfxwj/gfxwj2016/201602/t20160205_123998.html',
    effectiveFrom: '2016-01-01',
    effectiveTo: null,
    reliability: '8项条件与创新能力评价表 [V]；注册满一年按365天 [S]；不足三年成长性算法 [U]',
    params: HNTE_2016_PARAMS,
  },
  {
    kind: 'innovative-sme',
    version: '2022-63-annex1',
    title: '《优质中小企业梯度培育管理暂行办法》附件1 创新型中小企业评价标准',
    docNumber: '工信部企业〔2022〕63号',
    sourceUrl: 'https://fyss.com.cn/p-article_detail/id-3331.html',
    effectiveFrom: '2022-06-01',
    effectiveTo: null,
    reliability: '指标与分值 [V]；2026年办法第三十条继续适用 [S]；边界归属 [U]（就高）',
    params: INNOVATIVE_SME_2022_PARAMS,
  },
  {
    kind: 'specialized-sme',
    version: '2022-63-annex2',
    title: '《优质中小企业梯度培育管理暂行办法》附件2 专精特新中小企业认定标准',
    docNumber: '工信部企业〔2022〕63号',
    sourceUrl: 'https://dglyspjx.cn/zjtx/1877.html',
    effectiveFrom: '2022-06-01',
    effectiveTo: '2026-03-31',
    reliability: '条件与13项指标 [V]；特色化指标由省级确定',
    params: SPECIALIZED_SME_2022_PARAMS,
  },
  {
    kind: 'specialized-sme',
    version: '2026-2',
    title: '《优质中小企业梯度培育管理办法》专精特新中小企业认定条件',
    docNumber: '工信部企业〔2026〕2号',
    sourceUrl: 'https://www.miit.gov.cn/jgsj/qyj/wjfb/art/2026/art_2aa4981e3c9248379bc210c62dbb0569.html',
    effectiveFrom: '2026-04-01',
    effectiveTo: null,
    reliability: '全部条件来自二手资料 [S]，上线前须核对官方文本',
    params: SPECIALIZED_SME_2026_PARAMS,
  },
  {
    kind: 'commissioner-assessment',
    version: 'default-longyan-2023',
    title: '科技特派员年度考核（参照龙岩2023年方案，权重可配置）',
    docNumber: '渝科局发〔2019〕146号（考核细则未公开，暂按参照方案）',
    sourceUrl: '',
    effectiveFrom: '2019-01-01',
    effectiveTo: null,
    reliability: '重庆考核权重与等次 [U]；默认值参照龙岩2023（服务情况60+服务成效20+满意度20）[V]',
    params: COMMISSIONER_ASSESSMENT_DEFAULT,
  },
];

/** Whether `date` falls in the pack's [effectiveFrom, effectiveTo] (both inclusive). */
export function inForce(pack: Pick<RulePackMeta, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return pack.effectiveFrom <= date && (pack.effectiveTo === null || date <= pack.effectiveTo);
}

/**
 * The pack of `kind` in force on `date`: among those in force, the latest effectiveFrom wins (a newly published
 * version supersedes from its first day even if the older one was left open-ended); ties go to the later entry.
 */
export function selectRulePack<P extends Pick<RulePackMeta, 'kind' | 'effectiveFrom' | 'effectiveTo'>>(
  packs: readonly P[],
  kind: RulePackKind,
  date: string,
): P | null {
  let best: P | null = null;
  for (const pack of packs) {
    if (pack.kind !== kind || !inForce(pack, date)) continue;
    if (best === null || pack.effectiveFrom >= best.effectiveFrom) best = pack;
  }
  return best;
}

/** Problems with a pack's dates (empty when fine). */
export function rulePackDateProblems(meta: Pick<RulePackMeta, 'effectiveFrom' | 'effectiveTo'>): string[] {
  return meta.effectiveTo !== null && meta.effectiveTo < meta.effectiveFrom ? ['失效日期不能早于生效日期'] : [];
}
