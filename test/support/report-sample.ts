// A database with everything a report draws on, built through the services themselves: seed plans imported for the
// given counties (one municipality), the monitoring sample values (2021–2024, approved), the project ledger with
// yearly planned/completed investment (some projects ahead, some behind), and a few accepted tasks per plan with
// one overdue milestone. Used by the report tests and bench/report-bench.ts.
import { inArray } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { counties } from '../../src/db/schema/index.ts';
import { acceptTaskCandidates } from '../../src/services/accept-task-candidates.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { buildProjectLedger } from '../../src/services/build-project-ledger.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { listProjectLedger } from '../../src/services/list-project-ledger.ts';
import { loadSampleData } from '../../src/services/monitoring/load-sample-data.ts';
import { proposeTaskCandidates } from '../../src/services/propose-task-candidates.ts';
import { saveLedgerYear } from '../../src/services/save-ledger-year.ts';
import { addMilestone } from '../../src/services/save-milestone.ts';
import { FENGJIE_SEED, SHIZHU_SEED, seedFile } from './seeds.ts';

export interface SampleCounty {
  name: string;
  seed: string;
}

export const TWO_COUNTIES: readonly SampleCounty[] = [
  { name: '奉节县', seed: FENGJIE_SEED },
  { name: '石柱县', seed: SHIZHU_SEED },
];

/** Chongqing's 38 districts and counties (26 区 + 12 县), each given one of the two seed plans. */
export const CHONGQING_38: readonly string[] = [
  '万州区', '黔江区', '涪陵区', '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区',
  '綦江区', '大足区', '渝北区', '巴南区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区',
  '铜梁区', '潼南区', '荣昌区', '开州区', '梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县',
  '云阳县', '奉节县', '巫山县', '巫溪县', '石柱县', '秀山县', '酉阳县', '彭水县',
];

export function municipalityCounties(names: readonly string[]): SampleCounty[] {
  return names.map((name, i) => ({ name, seed: i % 2 === 0 ? FENGJIE_SEED : SHIZHU_SEED }));
}

export interface ReportSample {
  plans: { countyName: string; planId: string; countyId: string }[];
}

const ACTOR = 'test:report-sample';

export async function buildReportSample(
  db: Database,
  options: { counties?: readonly SampleCounty[]; municipality?: string; tasksPerPlan?: number } = {},
): Promise<ReportSample> {
  const access = operatorAccess(ACTOR);
  const list = options.counties ?? TWO_COUNTIES;
  const plans: ReportSample['plans'] = [];
  for (const county of list) {
    const result = await importPlan(db, { ...seedFile(county.seed), actor: ACTOR, countyName: county.name });
    plans.push({ countyName: county.name, planId: result.planId, countyId: result.countyId });
  }
  // The municipality of a county is set when the municipal registry is loaded; no service writes it yet.
  await db
    .update(counties)
    .set({ municipality: options.municipality ?? '重庆市' })
    .where(inArray(counties.name, list.map((c) => c.name)));
  await loadSampleData(db, access);

  let projectIndex = 0;
  for (const plan of plans) {
    await buildProjectLedger(db, access, plan.planId);
    const ledger = await listProjectLedger(db, access, { planId: plan.planId });
    for (const project of ledger.projects) {
      // Planned evenly over 2021–2024; completed ahead (×1.05), on plan, or behind (×0.6), in turn; every fourth
      // project has no yearly figures at all.
      const pace = [1.05, 1, 0.6, null][projectIndex++ % 4];
      if (pace === null || pace === undefined) continue;
      const total = project.totalInvestment ?? 1000;
      for (const year of [2021, 2022, 2023]) {
        const planned = Math.round((total / 4) * 100) / 100;
        await saveLedgerYear(db, access, {
          projectId: project.id,
          year,
          version: 0,
          plannedInvestment: planned,
          completedInvestment: Math.round(planned * pace * 100) / 100,
          imageProgress: `${year}年完成年度建设内容${pace >= 1 ? '' : '的一部分'}`,
          percentDone: Math.min(100, Math.round(((year - 2020) / 4) * pace * 100)),
        });
      }
    }
    const proposal = await proposeTaskCandidates(db, access, plan.planId);
    const picked = proposal.candidates.slice(0, options.tasksPerPlan ?? 4);
    for (const [i, candidate] of picked.entries()) {
      const task = await acceptTaskCandidates(db, access, {
        candidateIds: [candidate.id],
        task: { startOn: '2021-03-01', deadline: i === 0 ? '2023-06-30' : '2025-12-31' },
      });
      if (i === 1) {
        await addMilestone(db, access, { taskId: task.id, name: '完成方案编制', dueOn: '2022-06-30', doneOn: '2022-05-20', evidence: null });
        await addMilestone(db, access, { taskId: task.id, name: '完成建设任务', dueOn: '2023-10-31', doneOn: null, evidence: null });
      }
    }
  }
  return { plans };
}
