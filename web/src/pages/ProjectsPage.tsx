// 项目: the plan's project list, filtered by category, lead unit and years, with the investment totals.
import type { StoredProject } from '../api/plans.ts';
import { Card, Col, Row, Select, Slider, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { fetchPlan } from '../api/plans.ts';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView, EmptyState, ErrorState, Loading } from '../components/PageState.tsx';
import { formatNumber, formatWan } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { useWorkspace } from '../lib/workspace.tsx';

export default function ProjectsPage() {
  const { plan, plans, plansError, reloadPlans } = useWorkspace();
  const detail = useAsync(() => (plan ? fetchPlan(plan.id) : Promise.resolve(null)), [plan?.id]);
  if (plansError) return <ErrorState error={plansError} onRetry={reloadPlans} />;
  if (plans === undefined) return <Loading />;
  if (!plan) return <EmptyState text="暂无数据，请先导入规划" />;
  return (
    <div data-testid="projects-page">
      <div className="page-title">
        <h1>重点项目</h1>
        <span className="subtitle">
          {plan.countyName} · {plan.title}
        </span>
      </div>
      <AsyncView state={detail}>
        {(data) => (data && data.projects.length > 0 ? <Projects projects={data.projects} planStart={data.periodStart} planEnd={data.periodEnd} /> : <EmptyState text="本规划没有项目清单" />)}
      </AsyncView>
    </div>
  );
}

function Projects({ projects, planStart, planEnd }: { projects: StoredProject[]; planStart: number | null; planEnd: number | null }) {
  const categories = useMemo(() => [...new Set(projects.map((p) => p.category ?? '未分类'))], [projects]);
  const leads = useMemo(() => [...new Set(projects.map((p) => p.leadUnit ?? '未注明'))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [projects]);
  const years = projects.flatMap((p) => [p.startYear, p.endYear]).filter((y): y is number => y !== null);
  const minYear = Math.min(planStart ?? Infinity, ...years);
  const maxYear = Math.max(planEnd ?? -Infinity, ...years);
  const [category, setCategory] = useState<string[]>([]);
  const [lead, setLead] = useState<string[]>([]);
  const [range, setRange] = useState<[number, number]>([minYear, maxYear]);

  const filtered = projects.filter(
    (p) =>
      (category.length === 0 || category.includes(p.category ?? '未分类')) &&
      (lead.length === 0 || lead.includes(p.leadUnit ?? '未注明')) &&
      // overlaps the chosen years (a project without years always shows)
      ((p.startYear ?? range[0]) <= range[1] && (p.endYear ?? range[1]) >= range[0]),
  );
  const total = filtered.reduce((sum, p) => sum + (p.investment ?? 0), 0);
  const byCategory = categories
    .map((c) => {
      const list = filtered.filter((p) => (p.category ?? '未分类') === c);
      return { category: c, count: list.length, investment: list.reduce((s, p) => s + (p.investment ?? 0), 0) };
    })
    .filter((c) => c.count > 0);

  return (
    <>
      <Card className="section" size="small">
        <Row gutter={[16, 12]} align="middle">
          <Col xs={24} lg={8}>
            <Typography.Text type="secondary">类别</Typography.Text>
            <Select mode="multiple" allowClear style={{ width: '100%' }} placeholder="全部类别" value={category} onChange={setCategory} options={categories.map((c) => ({ value: c, label: c }))} aria-label="按类别筛选" />
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Text type="secondary">牵头单位</Typography.Text>
            <Select mode="multiple" allowClear style={{ width: '100%' }} placeholder="全部牵头单位" value={lead} onChange={setLead} options={leads.map((c) => ({ value: c, label: c }))} aria-label="按牵头单位筛选" maxTagCount="responsive" />
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Text type="secondary">建设年份 {range[0]}—{range[1]}</Typography.Text>
            {Number.isFinite(minYear) && Number.isFinite(maxYear) && minYear < maxYear ? (
              <Slider range min={minYear} max={maxYear} value={range} onChange={(v) => setRange([v[0] ?? minYear, v[1] ?? maxYear])} marks={{ [minYear]: String(minYear), [maxYear]: String(maxYear) }} />
            ) : null}
          </Col>
        </Row>
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col span={6}>
            <Statistic title="项目数" value={filtered.length} suffix={`/ ${projects.length}`} />
          </Col>
          <Col span={6}>
            <Statistic title="总投资" value={formatWan(total)} />
          </Col>
          <Col span={12}>
            <Table
              size="small"
              pagination={false}
              rowKey="category"
              dataSource={byCategory}
              columns={[
                { title: '类别', dataIndex: 'category' },
                { title: '项目数', dataIndex: 'count', align: 'right' },
                { title: '投资', dataIndex: 'investment', align: 'right', render: (v: number) => formatWan(v) },
              ]}
            />
          </Col>
        </Row>
      </Card>
      <Card size="small">
        <DataTable<StoredProject>
          testId="projects-table"
          rows={filtered}
          rowKey={(p) => p.id}
          exportName="项目清单"
          emptyText="没有符合筛选条件的项目"
          summary={(rows) => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                合计（{rows.length} 个项目）
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <b className="num">{formatNumber(rows.reduce((s, p) => s + (p.investment ?? 0), 0))}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} colSpan={2} />
            </Table.Summary.Row>
          )}
          columns={[
            { key: 'seq', title: '序号', value: (p) => p.seq, width: 64 },
            { key: 'category', title: '类别', value: (p) => p.category, filter: true, width: 120 },
            { key: 'name', title: '项目名称', value: (p) => p.name },
            { key: 'lead', title: '牵头单位', value: (p) => p.leadUnit, filter: true, width: 160, ellipsis: true },
            { key: 'site', title: '建设地点', value: (p) => p.site, width: 120, ellipsis: true },
            { key: 'investment', title: '总投资（万元）', value: (p) => p.investment, render: (p) => <span className="num">{formatNumber(p.investment)}</span>, align: 'right', width: 130 },
            { key: 'years', title: '建设年限', value: (p) => (p.startYear ? `${p.startYear}—${p.endYear ?? ''}` : null), width: 110 },
            { key: 'content', title: '建设内容', value: (p) => p.content, ellipsis: true },
          ]}
        />
      </Card>
    </>
  );
}
