// 技术合同: registered contracts with 成交额 and 技术交易额 kept apart, and the county's yearly totals by 输出 (seller in
// the county — the plan indicator's default) or 吸纳 (buyer in the county).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Radio, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../lib/auth.tsx';
import { fetchContracts, fetchContractTotals, type Contract } from '../api/registers.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ContractForm } from '../components/registers/ContractForm.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { formatDate, formatNumber, formatWan } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

const THIS_YEAR = new Date().getFullYear();

export default function TechContractsPage() {
  const [year, setYear] = useState(THIS_YEAR);
  const [side, setSide] = useState<'seller' | 'buyer'>('seller');
  const { can } = useAuth();
  const county = can('register.county');
  const canManage = can('register.manage');
  // null: closed; 'new': a new contract; a contract: its correction.
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const saved = () => {
    list.reload();
    totals.reload();
  };
  const totals = useAsync(() => (county ? fetchContractTotals(year, side) : Promise.resolve(null)), [year, side, county]);
  const list = useAsync(() => fetchContracts(year), [year]);
  return (
    <div data-testid="tech-contracts-page">
      <div className="page-title">
        <h1>技术合同登记</h1>
        <span className="subtitle">技术合同成交额 = 当年登记、卖方在本县（输出）的合同成交额合计；技术交易额另计</span>
      </div>
      <Card size="small" className="section">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label="年度" value={year} onChange={setYear} options={Array.from({ length: 8 }, (_, i) => THIS_YEAR - i).map((y) => ({ value: y, label: `${y}年` }))} />
          <Radio.Group value={side} onChange={(e) => setSide(e.target.value as 'seller' | 'buyer')} optionType="button" options={[{ value: 'seller', label: '输出（卖方在本县）' }, { value: 'buyer', label: '吸纳（买方在本县）' }]} />
        </Space>
        <AsyncView state={totals}>
          {(t) => t && (
            <Row gutter={16} data-testid="contract-totals">
              <Col xs={12} md={6}>
                <Statistic title="合同成交额" value={formatWan(t.contractAmount)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="技术交易额" value={formatWan(t.technologyAmount)} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title="合同数" value={t.count} suffix="份" />
              </Col>
              <Col xs={24} md={8}>
                <Space wrap size={4}>
                  {Object.entries(t.byType).filter(([, v]) => v.count > 0).map(([k, v]) => (
                    <Tag key={k}>{k} {v.count} 份 · {formatWan(v.total)}</Tag>
                  ))}
                </Space>
              </Col>
            </Row>
          )}
        </AsyncView>
      </Card>
      <Card size="small">
        {canManage && (
          <Space style={{ marginBottom: 12 }}>
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-contract">
              登记技术合同
            </Button>
            <Typography.Text type="secondary">点击合同行可做变更登记（更正）</Typography.Text>
          </Space>
        )}
        <AsyncView state={list}>
          {(data) => (
            <DataTable<Contract>
              testId="contract-table"
              rows={data.contracts}
              rowKey={(c) => c.id}
              exportName={`技术合同${year}`}
              emptyText={canManage ? `${year}年暂无登记的技术合同，可点击“登记技术合同”录入` : `${year}年暂无登记的技术合同`}
              {...(canManage ? { onRowClick: (c: Contract) => setEditing(c) } : {})}
              columns={[
                { key: 'no', title: '登记编号', value: (c) => c.registrationNumber, width: 170 },
                { key: 'date', title: '登记日期', value: (c) => c.registeredOn, render: (c) => formatDate(c.registeredOn), width: 130 },
                { key: 'type', title: '类型', value: (c) => c.type, filter: true, width: 100 },
                { key: 'name', title: '合同名称', value: (c) => c.name, ellipsis: true },
                { key: 'seller', title: '卖方', value: (c) => c.sellerName, render: (c) => <>{c.sellerName}{c.sellerInCounty && <Tag color="blue" style={{ marginLeft: 4 }}>本县</Tag>}</>, width: 180 },
                { key: 'buyer', title: '买方', value: (c) => c.buyerName, render: (c) => <>{c.buyerName}{c.buyerInCounty && <Tag color="blue" style={{ marginLeft: 4 }}>本县</Tag>}</>, width: 180 },
                { key: 'amount', title: '成交额（万元）', value: (c) => c.contractAmount, render: (c) => <span className="num">{formatNumber(c.contractAmount)}</span>, align: 'right', width: 120 },
                { key: 'tech', title: '技术交易额（万元）', value: (c) => c.technologyAmount, render: (c) => <span className="num">{formatNumber(c.technologyAmount)}</span>, align: 'right', width: 140 },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <ContractForm
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        open={editing !== null}
        contract={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
    </div>
  );
}
