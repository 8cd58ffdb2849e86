// Task candidates proposed from both real seed plans: counts, the task chapters chosen, and exact texts with their
// place in the outline.
import { describe, expect, it } from 'vitest';
import { decodePlanText, textToBlocks } from '../../src/domain/plan/text-blocks.ts';
import { readPlanBlocks, readPlanDocument } from '../../src/domain/plan/read-plan-document.ts';
import type { OutlineHeading } from '../../src/domain/plan/model.ts';
import { isTaskChapter, placeOf, proposeTaskCandidates, type Proposal } from '../../src/domain/tasks/candidates.ts';
import { FENGJIE_SEED, SHIZHU_SEED, seedFile } from '../support/seeds.ts';
import { seedAsDocx } from '../support/seed-docx.ts';

async function proposeFor(name: string, options = {}): Promise<Proposal> {
  const file = seedFile(name);
  const plan = await readPlanDocument(file.bytes, file.fileName);
  return proposeTaskCandidates({ outline: plan.outline, boxes: plan.boxes, blocks: textToBlocks(decodePlanText(file.bytes, file.fileName)) }, options);
}

const path = (c: { outline: { label: string }[] }) => c.outline.map((o) => o.label).join('›');

describe('task candidates from 奉节县 (task chapters 第三章–第十章)', async () => {
  const proposal = await proposeFor(FENGJIE_SEED);
  const { candidates } = proposal;

  it('chooses 第三章 to 第十章 and proposes 111 candidates: 96 paragraphs and the 15 items of 专栏1–4', () => {
    expect(proposal.taskChapters).toEqual(['第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章', '第十章']);
    expect(candidates).toHaveLength(111);
    expect(candidates.filter((c) => c.kind === 'paragraph')).toHaveLength(96);
    const boxItems = candidates.filter((c) => c.kind === 'box-item');
    expect(boxItems.map((c) => c.box?.number)).toEqual([1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4]);
    expect(proposal.notes).toEqual([]);
  });

  it('every candidate is placed inside a task chapter, in document order', () => {
    for (const c of candidates) expect(proposal.taskChapters).toContain(c.outline[0]?.label);
    const lines = candidates.map((c) => c.line ?? 0);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('a paragraph with a lead clause: title, full text, heading path and line', () => {
    const c = candidates.find((x) => x.line === 140);
    expect(c).toMatchObject({ kind: 'paragraph', title: '提升生态环境监测监控能力', line: 140, box: null });
    expect(c?.text.startsWith('提升生态环境监测监控能力。整合优化水、大气、土壤、噪声等环境质量监测点位')).toBe(true);
    expect(c?.outline.map((o) => `${o.label}${o.title}`)).toEqual(['第三章深化国家创新型县建设', '三、加大生态环保科技支撑']);
  });

  it('a 专栏 item keeps its title, text, box and the heading it stands under', () => {
    const c = candidates.find((x) => x.box?.number === 2 && x.box.item === 1);
    expect(c).toMatchObject({ kind: 'box-item', title: '数字脐橙', line: 187, box: { number: 2, title: '现代脐橙产业创新示范园创建工程', item: 1 } });
    expect(c?.text.startsWith('推动水肥一体化设施、山地果园轨道运输机等配套，改善机械化作业条件。')).toBe(true);
    expect(path(c ?? { outline: [] })).toBe('第七章›一、›（二）');
    const tourism = candidates.filter((x) => x.box?.number === 3).map((x) => x.title);
    expect(tourism[3]).toBe('创新推进“云游夔州”出圈');
  });

  it('a heading that runs on with its body (（二）医学研究。依托…) is a task under itself', () => {
    const c = candidates.find((x) => x.line === 297);
    expect(c).toMatchObject({ kind: 'paragraph', title: '医学研究' });
    expect(c?.text.startsWith('依托县人民医院、县中医等医院所办的重医')).toBe(true);
    expect(path(c ?? { outline: [] })).toBe('第十章›一、›（二）');
  });

  it('nothing from the review, target or safeguard chapters', () => {
    expect(candidates.some((c) => c.text.includes('加强党对科技创新工作的全面领导'))).toBe(false); // 第十一章
    expect(candidates.some((c) => (c.line ?? 0) < 132)).toBe(false);
  });

  it('the bureau can name the chapters itself', async () => {
    const narrow = await proposeFor(FENGJIE_SEED, { chapters: { from: '第七章', to: '第七章' } });
    expect(narrow.taskChapters).toEqual(['第七章']);
    expect(narrow.candidates.filter((c) => c.kind === 'paragraph').every((c) => c.outline[0]?.label === '第七章')).toBe(true);
    await expect(proposeFor(FENGJIE_SEED, { chapters: { from: '第十章', to: '第三章' } })).rejects.toThrow('任务章节范围');
  });
});

describe('task candidates from 石柱县 (task chapters 第三章–第五章)', async () => {
  const proposal = await proposeFor(SHIZHU_SEED);
  const { candidates } = proposal;

  it('chooses 第三章 to 第五章 and proposes 98 candidates: 46 paragraphs and the 52 items of 专栏2–12', () => {
    expect(proposal.taskChapters).toEqual(['第三章', '第四章', '第五章']);
    expect(candidates).toHaveLength(98);
    expect(candidates.filter((c) => c.kind === 'paragraph')).toHaveLength(46);
    const perBox = new Map<number, number>();
    for (const c of candidates) if (c.box) perBox.set(c.box.number, (perBox.get(c.box.number) ?? 0) + 1);
    // 专栏1 is the indicator table: no items.
    expect([...perBox.entries()]).toEqual([[2, 5], [3, 4], [4, 2], [5, 5], [6, 5], [7, 7], [8, 3], [9, 6], [10, 5], [11, 4], [12, 6]]);
  });

  it('exact texts with their place', () => {
    const green = candidates.find((c) => c.title === '构建绿色制造创新体系');
    expect(green).toMatchObject({ kind: 'paragraph', line: 162 });
    expect(green?.outline.map((o) => `${o.label} ${o.title}`)).toEqual(['第三章 加快建设国家创新型县', '第一节 夯实绿色工业科技创新基础']);

    const lianRoot = candidates.find((c) => c.box?.number === 12 && c.box.item === 3);
    expect(lianRoot).toMatchObject({ title: '石柱黄连创新产业研究院', line: 366 });
    expect(lianRoot?.text.startsWith('围绕石柱黄连产业发展的科技需求，组建黄连研究团队、功能处室')).toBe(true);
    expect(path(lianRoot ?? { outline: [] })).toBe('第四章›第三节');

    const money = candidates.find((c) => c.title === '加大财政支持力度');
    expect(path(money ?? { outline: [] })).toBe('第五章›第一节');
    expect(money?.text.startsWith('加大财政支持力度。统筹设立县创新发展专项资金')).toBe(true);
  });

  it('the numbered paragraphs Word wrote after a 专栏 table are items, not paragraphs', () => {
    expect(candidates.filter((c) => c.kind === 'paragraph' && /^\d+\.\s/.test(c.text))).toEqual([]);
  });
});

describe('building blocks', () => {
  const outline: OutlineHeading[] = [
    { level: 1, label: '第一章', title: '发展基础', line: 1 },
    { level: 2, label: '第一节', title: '成就', line: 2 },
    { level: 1, label: '第二章', title: '重点任务', line: 10 },
    { level: 2, label: '第一节', title: '企业', line: 11 },
    { level: 3, label: '一、', title: '培育', line: 12 },
    { level: 2, label: '第二节', title: '人才', line: 20 },
  ];

  it('placeOf cuts lower levels at a higher heading', () => {
    expect(placeOf(outline, 13).map((o) => o.label)).toEqual(['第二章', '第一节', '一、']);
    expect(placeOf(outline, 21).map((o) => o.label)).toEqual(['第二章', '第二节']);
    expect(placeOf(outline, 0)).toEqual([]);
  });

  it.each([
    ['“十三五”科技创新发展回顾', [], false],
    ['谋划科技创新发展新篇章', ['发展形势', '指导思想', '基本原则', '发展目标'], false],
    ['加强规划组织实施保障', [], false],
    ['强化科技管理体系建设', ['加大科技研发投入', '加强科研诚信建设'], true],
    ['强化乡村振兴科技支撑', [], true],
  ])('isTaskChapter(%s) = %s', (title, sections, expected) => {
    const chapter: OutlineHeading = { level: 1, label: '第X章', title, line: 1 };
    const subs = sections.map((s, i): OutlineHeading => ({ level: 2, label: `${i + 1}、`, title: s, line: i + 2 }));
    expect(isTaskChapter(chapter, subs)).toBe(expected);
  });

  it('without kept blocks (a .docx imported before they were kept) only 专栏 items are proposed, unplaced', async () => {
    const file = seedFile(SHIZHU_SEED);
    const plan = await readPlanDocument(file.bytes, file.fileName);
    const proposal = proposeTaskCandidates({ outline: plan.outline, boxes: plan.boxes, blocks: null });
    expect(proposal.candidates).toHaveLength(52);
    expect(proposal.candidates.every((c) => c.kind === 'box-item' && c.line === null && c.outline.length === 0)).toBe(true);
    expect(proposal.notes[0]).toContain('.docx');
    expect(proposal.notes[0]).toContain('重新导入');
  });
});

describe('a .docx proposes what the .txt of the same content proposes', () => {
  it.each([
    [FENGJIE_SEED, 111, 96],
    [SHIZHU_SEED, 98, 46],
  ])('%s as .docx: %i candidates, %i of them paragraphs, the same texts, titles and places', async (name, total, paragraphs) => {
    const fromText = await proposeFor(name);
    const bytes = await seedAsDocx(name);
    const fileName = name.replace(/\.txt$/, '.docx');
    const plan = await readPlanDocument(bytes, fileName);
    const fromDocx = proposeTaskCandidates({ outline: plan.outline, boxes: plan.boxes, blocks: await readPlanBlocks(bytes, fileName) });

    expect(fromDocx.candidates).toHaveLength(total);
    expect(fromDocx.candidates.filter((c) => c.kind === 'paragraph')).toHaveLength(paragraphs);
    expect(fromDocx.taskChapters).toEqual(fromText.taskChapters);
    expect(fromDocx.notes).toEqual([]);
    // Line numbers are the format's own (paragraph ordinals in a .docx); everything else is identical, in order.
    const shape = (p: Proposal) =>
      p.candidates.map((c) => ({ kind: c.kind, title: c.title, text: c.text, box: c.box, place: c.outline.map((o) => `${o.label}${o.title}`) }));
    expect(shape(fromDocx)).toEqual(shape(fromText));
    expect(fromDocx.candidates.every((c) => c.line !== null && c.outline.length > 0)).toBe(true);
  });

  it('exact texts from the 奉节 .docx', async () => {
    const bytes = await seedAsDocx(FENGJIE_SEED);
    const plan = await readPlanDocument(bytes, 'fengjie.docx');
    const { candidates } = proposeTaskCandidates({ outline: plan.outline, boxes: plan.boxes, blocks: await readPlanBlocks(bytes, 'fengjie.docx') });
    const monitoring = candidates.find((c) => c.title === '提升生态环境监测监控能力');
    expect(monitoring?.kind).toBe('paragraph');
    expect(monitoring?.text.startsWith('提升生态环境监测监控能力。整合优化水、大气、土壤、噪声等环境质量监测点位')).toBe(true);
    expect(monitoring?.outline.map((o) => `${o.label}${o.title}`)).toEqual(['第三章深化国家创新型县建设', '三、加大生态环保科技支撑']);
    const medicine = candidates.find((c) => c.kind === 'paragraph' && c.title === '医学研究');
    expect(medicine?.text.startsWith('依托县人民医院、县中医等医院所办的重医')).toBe(true);
    expect(path(medicine ?? { outline: [] })).toBe('第十章›一、›（二）');
    const orange = candidates.find((c) => c.box?.number === 2 && c.box.item === 1);
    expect(orange).toMatchObject({ kind: 'box-item', title: '数字脐橙' });
    expect(path(orange ?? { outline: [] })).toBe('第七章›一、›（二）');
  });
});
