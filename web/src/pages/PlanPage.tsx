// 规划: the outline as a tree, the original text beside what the parser extracted (indicator table, 专栏, project
// list) with the parse warnings highlighted; the bureau corrects an extracted indicator cell (versioned: a stale
// edit shows both versions side by side instead of overwriting). A new plan (十五五) offers 沿用上一规划设置.
import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Collapse, List, Row, Space, Tabs, Tag, Tooltip, Tree, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { fetchPlan, fetchPlanSource, type PlanDetail, type StoredIndicator } from '../api/plans.ts';
import { AdoptPreviousSettings } from '../components/AdoptPreviousSettings.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { IndicatorEditor } from '../components/IndicatorEditor.tsx';
import { PlanReimport } from '../components/PlanReimport.tsx';
import { ReportGenerator } from '../components/ReportGenerator.tsx';
import { AsyncView, EmptyState, ErrorState, Loading } from '../components/PageState.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatDate, formatNumber, formatWan } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { useWorkspace } from '../lib/workspace.tsx';

export default function PlanPage() {
  const { plan, plans, plansError, reloadPlans, setPlan } = useWorkspace();
  const detail = useAsync(() => (plan ? fetchPlan(plan.id) : Promise.resolve(null)), [plan?.id]);
  if (plansError) return <ErrorState error={plansError} onRetry={reloadPlans} />;
  if (plans === undefined) return <Loading />;
  if (!plan) return <EmptyState text="暂无数据，请先导入规划" />;
  return (
    <div data-testid="plan-page">
      <AsyncView state={detail} loadingText="正在加载规划…">
        {(data) => (data ? <PlanView
              plan={data}
              onIndicatorSaved={detail.setData}
              onNewVersion={(id) => {
                // The list shows current versions only: reload it, then open the new one.
                reloadPlans();
                setPlan(id);
              }}
            /> : <EmptyState text="暂无数据，请先导入规划" />)}
      </AsyncView>
    </div>
  );
}

function warningFor(plan: PlanDetail, text: string): string[] {
  return plan.warnings.filter((w) => text.length > 1 && w.message.includes(text)).map((w) => w.message);
}

function PlanView({
  plan,
  onIndicatorSaved,
  onNewVersion,
}: {
  plan: PlanDetail;
  onIndicatorSaved: (plan: PlanDetail) => void;
  onNewVersion: (planId: string) => void;
}) {
  const { can } = useAuth();
  const source = useAsync(() => fetchPlanSource(plan.id), [plan.id]);
  const [focusLine, setFocusLine] = useState<number | null>(null);
  const [editing, setEditing] = useState<StoredIndicator | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [leftTab, setLeftTab] = useState('outline');
  const warningLines = useMemo(() => new Set(plan.warnings.map((w) => w.line).filter((l): l is number => l !== null)), [plan.warnings]);
  const headingLines = useMemo(() => new Set(plan.outline.map((h) => h.line)), [plan.outline]);

  function showLine(line: number) {
    setFocusLine(line);
    setLeftTab('text');
    setTimeout(() => {
      textRef.current?.querySelector(`[data-line="${line}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 50);
  }

  const tree = useMemo(() => {
    type Node = { key: string; title: string; line: number; children: Node[] };
    const roots: Node[] = [];
    const stack: Node[] = [];
    for (const h of plan.outline) {
      const node: Node = { key: `${h.line}`, title: `${h.label} ${h.title}`.trim(), line: h.line, children: [] };
      while (stack.length >= h.level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else roots.push(node);
      stack.push(node);
    }
    return roots;
  }, [plan.outline]);

  const editable = can('plan.edit');

  return (
    <>
      <div className="page-title">
        <h1>{plan.title}</h1>
        <span className="subtitle">
          {[
            plan.countyName,
            plan.periodStart !== null ? `规划期 ${plan.periodStart}—${plan.periodEnd ?? ''}` : null,
            plan.issuer,
            plan.docNumber,
            plan.issuedOn ? formatDate(plan.issuedOn) : null,
            `第 ${plan.version} 版`,
            `导入自 ${plan.sourceFileName}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      {plan.supersededByPlanId === null && (can('plan.import') || can('indicator.configure')) && (
        <div className="section">
          <Space wrap>
            {can('plan.import') && <PlanReimport planId={plan.id} version={plan.version} onImported={onNewVersion} />}
            {/* Shows itself only when the county's previous plan has settings this plan can adopt. */}
            {can('indicator.configure') && <AdoptPreviousSettings planId={plan.id} />}
          </Space>
        </div>
      )}
      {can('report.generate') && <ReportGenerator planId={plan.id} periodStart={plan.periodStart} periodEnd={plan.periodEnd} />}
      {plan.warnings.length > 0 && (
        <Collapse
          className="section"
          size="small"
          items={[
            {
              key: 'w',
              label: (
                <span>
                  <WarningOutlined style={{ color: '#d48806' }} /> 解析提示 {plan.warnings.length} 条：自动提取可能有误，请对照原文核对标黄的内容
                </span>
              ),
              children: (
                <List
                  size="small"
                  dataSource={plan.warnings}
                  renderItem={(w) => (
                    <List.Item
                      actions={w.line !== null ? [<Button key="go" size="small" type="link" onClick={() => showLine(w.line ?? 0)}>定位原文第 {w.line} 行</Button>] : []}
                    >
                      <Typography.Text>{w.message}</Typography.Text>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={7}>
          <Card size="small" className="section">
            <Tabs
              activeKey={leftTab}
              onChange={setLeftTab}
              size="small"
              items={[
                {
                  key: 'outline',
                  label: '目录',
                  children:
                    tree.length === 0 ? (
                      <EmptyState text="未识别出章节目录" />
                    ) : (
                      <Tree
                        treeData={tree}
                        defaultExpandAll
                        blockNode
                        height={560}
                        onSelect={(_keys, info) => showLine(Number(info.node.key))}
                      />
                    ),
                },
                {
                  key: 'text',
                  label: '原文',
                  children: source.error ? (
                    <Alert
                      type="info"
                      showIcon
                      title="原文暂不可用"
                      description={source.error instanceof ApiError && source.error.status === 404 ? '服务器未提供此规划的原文（如导入的是 .docx 文档）。' : String(source.error)}
                    />
                  ) : !source.data ? (
                    <Loading />
                  ) : source.data.text === null ? (
                    <Alert type="info" showIcon title="此规划未保存原文" />
                  ) : (
                    <div className="source-text" ref={textRef} data-testid="source-text">
                      {source.data.text.split('\n').map((line, i) => {
                        const n = i + 1;
                        const cls = ['source-line', warningLines.has(n) ? 'is-warning' : '', headingLines.has(n) ? 'is-heading' : '', focusLine === n ? 'is-focus' : ''].join(' ');
                        return (
                          <div key={n} className={cls} data-line={n}>
                            <span className="ln">{n}</span>
                            <span>{line || ' '}</span>
                          </div>
                        );
                      })}
                    </div>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={17}>
          <Card size="small" className="section">
            <Tabs
              size="small"
              items={[
                {
                  key: 'indicators',
                  label: `主要指标（${plan.indicators.length}）`,
                  children: (
                    <DataTable<StoredIndicator>
                      testId="plan-indicators"
                      rows={plan.indicators}
                      rowKey={(i) => i.id}
                      exportName="规划指标"
                      exportCaption={plan.title}
                      pageSize={false}
                      size="small"
                      emptyText="未提取到指标表，请对照原文核对"
                      rowClassName={(i) => (warningFor(plan, i.name).length > 0 || i.baseline === null || i.target === null ? 'row-warning' : '')}
                      columns={[
                        { key: 'seq', title: '序号', value: (i) => i.seq, width: 64 },
                        {
                          key: 'name',
                          title: '指标名称',
                          value: (i) => i.name,
                          render: (i) => {
                            const w = warningFor(plan, i.name);
                            return w.length > 0 ? (
                              <Tooltip title={w.join('；')}>
                                <Badge status="warning" text={i.name} />
                              </Tooltip>
                            ) : (
                              i.name
                            );
                          },
                        },
                        { key: 'unit', title: '单位', value: (i) => i.unit, width: 72 },
                        { key: 'attribute', title: '属性', value: (i) => i.attribute, filter: true, width: 84 },
                        { key: 'baseline', title: '基期值', value: (i) => i.baseline?.value ?? null, render: (i) => (i.baseline ? `${i.baseline.text}（${i.baseline.year}）` : <Tag color="warning">未识别</Tag>), exportValue: (i) => i.baseline?.text ?? null, width: 112 },
                        { key: 'target', title: '目标值', value: (i) => i.target?.value ?? null, render: (i) => (i.target ? `${i.target.text}（${i.target.year}）` : <Tag color="warning">未识别</Tag>), exportValue: (i) => i.target?.text ?? null, width: 112 },
                        { key: 'growth', title: '年均增长', value: (i) => i.annualGrowthRate, render: (i) => (i.annualGrowthRate === null ? '—' : `${formatNumber(i.annualGrowthRate)}%`), width: 100, align: 'right' },
                        ...(editable
                          ? [
                              {
                                key: 'edit',
                                title: '更正',
                                value: () => null,
                                sort: false,
                                noExport: true,
                                width: 56,
                                render: (i: StoredIndicator) => (
                                  <Button size="small" type="link" icon={<EditOutlined />} aria-label={`更正 ${i.name}`} onClick={() => setEditing(i)} />
                                ),
                              },
                            ]
                          : []),
                      ]}
                    />
                  ),
                },
                {
                  key: 'boxes',
                  label: `专栏（${plan.boxes.length}）`,
                  children:
                    plan.boxes.length === 0 ? (
                      <EmptyState text="未识别出专栏" />
                    ) : (
                      <Collapse
                        size="small"
                        defaultActiveKey={plan.boxes[0] ? [String(plan.boxes[0].number)] : []}
                        items={plan.boxes.map((b) => ({
                          key: String(b.number),
                          label: `专栏 ${b.number}　${b.title}`,
                          children: (
                            <List
                              size="small"
                              dataSource={b.items}
                              renderItem={(item) => (
                                <List.Item>
                                  <div>
                                    {item.title && <b>{item.title}　</b>}
                                    {item.text}
                                  </div>
                                </List.Item>
                              )}
                            />
                          ),
                        }))}
                      />
                    ),
                },
                {
                  key: 'projects',
                  label: `项目清单（${plan.projects.length}）`,
                  children: (
                    <DataTable
                      testId="plan-projects"
                      rows={plan.projects}
                      rowKey={(p) => p.id}
                      exportName="规划项目清单"
                      size="small"
                      emptyText="本规划没有项目清单"
                      rowClassName={(p) => (warningFor(plan, p.name).length > 0 ? 'row-warning' : '')}
                      columns={[
                        { key: 'seq', title: '序号', value: (p) => p.seq, width: 56 },
                        { key: 'category', title: '类别', value: (p) => p.category, filter: true, width: 110 },
                        { key: 'name', title: '项目名称', value: (p) => p.name },
                        { key: 'lead', title: '牵头单位', value: (p) => p.leadUnit, filter: true, width: 140, ellipsis: true },
                        { key: 'investment', title: '总投资', value: (p) => p.investment, render: (p) => formatWan(p.investment), align: 'right', width: 120 },
                        { key: 'years', title: '年限', value: (p) => (p.startYear ? `${p.startYear}—${p.endYear ?? ''}` : null), width: 100 },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {editing && (
        <IndicatorEditor
          planId={plan.id}
          indicator={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            onIndicatorSaved({ ...plan, indicators: plan.indicators.map((i) => (i.id === saved.id ? saved : i)) });
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
