// A plan imported (or re-imported) from .docx proposes the same task candidates as the .txt of the same content:
// its block model is kept at import (plan_document_blocks), so the task chapters' paragraphs are proposed too, not
// only the 专栏 items.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDocumentBlocks } from '../../src/db/schema/index.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import type { CandidateView } from '../../src/services/list-task-candidates.ts';
import { proposeTaskCandidates } from '../../src/services/propose-task-candidates.ts';
import { reimportPlan } from '../../src/services/reimport-plan.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { seedAsDocx } from '../support/seed-docx.ts';
import { FENGJIE_SEED, SHIZHU_SEED, seedFile } from '../support/seeds.ts';
import { accessAs } from './monitoring-fixtures.ts';

let database: TestDatabase;
const db = () => database.db;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.dispose());

const shape = (candidates: readonly CandidateView[]) =>
  candidates.map((c) => ({ kind: c.kind, title: c.title, text: c.text, place: c.outline.map((o) => `${o.label}${o.title}`) }));

describe('task candidates of a .docx plan', () => {
  it('石柱 from .docx: 98 candidates like the .txt — 46 paragraphs and 52 专栏 items, same texts and places', async () => {
    const txt = await importPlan(db(), { ...seedFile(SHIZHU_SEED), actor: 'test' });
    const docx = await importPlan(db(), { fileName: '石柱县科技创新规划.docx', bytes: await seedAsDocx(SHIZHU_SEED), actor: 'test' });
    expect(docx).toMatchObject({ status: 'imported', countyName: '石柱县' });
    expect(docx.planId).not.toBe(txt.planId);
    // Blocks are kept for the .docx only (the .txt keeps its text).
    expect(await db().select({ planId: planDocumentBlocks.planId }).from(planDocumentBlocks)).toEqual([{ planId: docx.planId }]);

    const staff = accessAs('county_staff', docx.countyId);
    const fromTxt = await proposeTaskCandidates(db(), staff, txt.planId);
    const fromDocx = await proposeTaskCandidates(db(), staff, docx.planId);
    expect(fromDocx.candidates).toHaveLength(98);
    expect(fromDocx.candidates.filter((c) => c.kind === 'paragraph')).toHaveLength(46);
    expect(fromDocx.notes).toEqual([]);
    expect(fromDocx.taskChapters).toEqual(['第三章', '第四章', '第五章']);
    expect(shape(fromDocx.candidates)).toEqual(shape(fromTxt.candidates));
    // A few exact texts, as stored.
    const paragraphs = fromDocx.candidates.filter((c) => c.kind === 'paragraph');
    const sameAsTxt = fromTxt.candidates.filter((c) => c.kind === 'paragraph');
    for (const i of [0, 17, 45]) expect(paragraphs[i]?.text).toBe(sameAsTxt[i]?.text);
    expect(paragraphs.every((c) => c.outline[0] !== undefined && ['第三章', '第四章', '第五章'].includes(c.outline[0].label))).toBe(true);
  });

  it('奉节 re-imported as a .docx version: 111 candidates (96 paragraphs) from the new version', async () => {
    const txt = await importPlan(db(), { ...seedFile(FENGJIE_SEED), actor: 'test' });
    const admin = accessAs('county_admin', txt.countyId);
    const version = await reimportPlan(db(), admin, { planId: txt.planId, fileName: '奉节县科技创新规划（新版）.docx', bytes: await seedAsDocx(FENGJIE_SEED) });
    expect(version.status).toBe('imported');
    expect(await db().select({ n: planDocumentBlocks.planId }).from(planDocumentBlocks).where(eq(planDocumentBlocks.planId, version.planId))).toHaveLength(1);

    const proposal = await proposeTaskCandidates(db(), accessAs('county_staff', txt.countyId), version.planId);
    expect(proposal.candidates).toHaveLength(111);
    expect(proposal.candidates.filter((c) => c.kind === 'paragraph')).toHaveLength(96);
    const monitoring = proposal.candidates.find((c) => c.title === '提升生态环境监测监控能力');
    expect(monitoring?.text.startsWith('提升生态环境监测监控能力。整合优化水、大气、土壤、噪声等环境质量监测点位')).toBe(true);
    expect(monitoring?.outline.map((o) => `${o.label}${o.title}`)).toEqual(['第三章深化国家创新型县建设', '三、加大生态环保科技支撑']);
  });
});
