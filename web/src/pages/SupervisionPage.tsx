// 督办: the three-colour 督办单 — counts by colour, the list with deadlines, and the steps: the unit signs and
// replies, the bureau closes or sends a reply back. My notifications (and the e-mail they may also go to) on top.
import { BellOutlined, ScanOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Input, List, Modal, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/client.ts';
import { COLOUR_META, tasksApi, type Order } from '../api/tasks.ts';
import { ColourTag } from '../components/ColourTag.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { useAuth } from '../lib/auth.tsx';
import { useAsync } from '../lib/useAsync.ts';

type Action = 'sign' | 'reply' | 'return' | 'close';
const ACTION_LABELS: Record<Action, string> = { sign: '签收', reply: '反馈', return: '退回反馈', close: '办结' };

export default function SupervisionPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const orders = useAsync(() => tasksApi.orders(scope === 'open' ? { state: 'open' } : {}), [scope]);
  const notices = useAsync(() => tasksApi.notifications(), []);
  const [acting, setActing] = useState<{ order: Order; action: Action } | null>(null);
  const [text, setText] = useState('');
  const run = async (order: Order, action: Action, note?: string) => {
    try {
      await tasksApi.act(order.id, { version: order.version, action, ...(note ? { text: note } : {}) });
      message.success(`已${ACTION_LABELS[action]}`);
      orders.reload();
      notices.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const scan = async () => {
    try {
      const s = await tasksApi.scan();
      message.success(`督办扫描完成：新下发 ${s.issued}，升级 ${s.escalated}，解除 ${s.resolved}`);
      orders.reload();
      notices.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const bureau = can('task.supervise');
  return (
    <div data-testid="supervision-page">
      <div className="page-title">
        <h1>督办</h1>
        <Space>
          {can('supervision.issue') && (
            <Button type="primary" icon={<ScanOutlined />} onClick={scan} data-testid="run-scan">
              运行督办扫描
            </Button>
          )}
        </Space>
      </div>
      <Row gutter={16} className="section">
        <Col xs={24} lg={14}>
          <AsyncView state={orders}>
            {(rows) => (
              <Row gutter={12}>
                {(['red', 'yellow', 'blue'] as const).map((c) => (
                  <Col span={8} key={c}>
                    <Card size="small" style={{ borderTop: `3px solid ${COLOUR_META[c].color}` }}>
                      <Statistic title={`${COLOUR_META[c].label}色督办（未办结）`} value={rows.filter((o) => o.colour === c && ['issued', 'signed', 'replied'].includes(o.state)).length} valueStyle={{ color: COLOUR_META[c].color }} />
                    </Card>
                  </Col>
                ))}
              </Row>
            )}
          </AsyncView>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            蓝：期限或节点在若干个工作日内到期；黄：节点逾期或进度落后于序时进度、指标滞后；红：逾期未完成、约束性指标未达标。逾期未签收或未反馈的督办单逐级升级（蓝→黄→红），问题消除后自动解除。工作日按法定节假日和调休计算。
          </Typography.Paragraph>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={
              <Space>
                <BellOutlined /> 我的通知 <Badge count={notices.data?.unread ?? 0} />
              </Space>
            }
            extra={
              <Button size="small" type="link" onClick={() => void tasksApi.readAll().then(notices.reload)}>
                全部已读
              </Button>
            }
          >
            <AsyncView state={notices}>
              {(n) => (
                <List
                  size="small"
                  data-testid="notifications"
                  dataSource={n.notifications.slice(0, 5)}
                  locale={{ emptyText: '暂无通知' }}
                  renderItem={(item) => (
                    <List.Item>
                      <Typography.Text strong={!item.read} ellipsis style={{ maxWidth: '100%' }} title={item.body}>
                        {item.title}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              )}
            </AsyncView>
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <AsyncView state={orders}>
          {(rows) => (
            <DataTable<Order>
              testId="orders-table"
              rows={rows}
              rowKey={(o) => o.id}
              exportName="督办单"
              emptyText={scope === 'open' ? '暂无未办结的督办单' : '暂无督办单'}
              title={<Segmented value={scope} onChange={(v) => setScope(v as 'open' | 'all')} options={[{ value: 'open', label: '未办结' }, { value: 'all', label: '全部' }]} />}
              rowClassName={(o) => (o.overdue ? 'row-overdue' : '')}
              columns={[
                { key: 'colour', title: '颜色', value: (o) => o.colourLabel, render: (o) => <ColourTag colour={o.colour} reasons={o.reasons} />, filter: true, width: 72 },
                { key: 'kind', title: '类型', value: (o) => ({ task: '任务', project: '项目', indicator: '指标' })[o.itemKind], filter: true, width: 70 },
                { key: 'item', title: '督办事项', value: (o) => o.itemTitle },
                { key: 'reason', title: '原因', value: (o) => o.reasons.map((r) => r.text).join('；'), ellipsis: true },
                { key: 'unit', title: '责任单位', value: (o) => o.unitName ?? '科技局', filter: true, width: 120 },
                { key: 'state', title: '状态', value: (o) => `${o.stateLabel}${o.overdue ? '（逾期）' : ''}`, filter: true, width: 100 },
                { key: 'issued', title: '下发', value: (o) => o.issuedOn, width: 100 },
                { key: 'sign', title: '签收期限', value: (o) => o.signDueOn, width: 100 },
                { key: 'reply', title: '反馈期限', value: (o) => o.replyDueOn, width: 100 },
                {
                  key: 'actions',
                  title: '',
                  value: () => null,
                  noExport: true,
                  width: 150,
                  render: (o) => (
                    <Space size={0}>
                      {o.state === 'issued' && (
                        <Button size="small" type="link" onClick={() => run(o, 'sign')}>
                          签收
                        </Button>
                      )}
                      {(o.state === 'issued' || o.state === 'signed') && (
                        <Button size="small" type="link" onClick={() => setActing({ order: o, action: 'reply' })}>
                          反馈
                        </Button>
                      )}
                      {o.state === 'replied' && bureau && (
                        <>
                          <Button size="small" type="link" onClick={() => setActing({ order: o, action: 'close' })}>
                            办结
                          </Button>
                          <Button size="small" type="link" danger onClick={() => setActing({ order: o, action: 'return' })}>
                            退回
                          </Button>
                        </>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <Modal
        title={acting ? `${ACTION_LABELS[acting.action]}：${acting.order.itemTitle}` : ''}
        open={acting !== null}
        okText={acting ? ACTION_LABELS[acting.action] : '确定'}
        okButtonProps={{ disabled: acting !== null && acting.action !== 'close' && text.trim() === '' }}
        onCancel={() => setActing(null)}
        onOk={async () => {
          if (!acting) return;
          await run(acting.order, acting.action, text.trim());
          setActing(null);
          setText('');
        }}
      >
        {acting?.order.replyText && <Typography.Paragraph>单位反馈：{acting.order.replyText}</Typography.Paragraph>}
        <Input.TextArea
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={acting?.action === 'reply' ? '整改措施、进展与预计完成时间' : acting?.action === 'return' ? '退回理由' : '办结意见（可选）'}
        />
      </Modal>
    </div>
  );
}
