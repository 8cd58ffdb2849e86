// The form for one unit and period: a row per indicator it owes with last year's figure beside it, inline checks as
// you type (the server's Zod schema and outlier rule), the explanation box for values far outside the history,
// save / submit; Excel template download and upload with a dry-run preview. The bureau approves or returns it here
// with a reason, and the reporter sees that reason at the top.
import {
  ArrowLeftOutlined,
  CheckOutlined,
  DownloadOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { isEditable } from '@domain/reporting/workflow.ts';
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Modal, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorText } from '../api/client.ts';
import {
  enterValue,
  fetchReportSheet,
  reportAction,
  templateUrl,
  type ReportAction,
  type ReportSheet,
  type ReportSheetItem,
} from '../api/monitoring.ts';
import { ExcelUpload } from '../components/ExcelUpload.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { ReportStateTag } from '../components/StatusTag.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatDate, formatDateTime, formatNumber } from '../lib/format.ts';
import { outlierOfDraft, validateRow, type RowDraft, type RowErrors } from '../lib/report-validation.ts';
import { useAsync } from '../lib/useAsync.ts';

export default function ReportFormPage() {
  const { unitId = '', period = '' } = useParams();
  const sheet = useAsync(() => fetchReportSheet(unitId, period), [unitId, period]);
  return (
    <div data-testid="report-form">
      <AsyncView state={sheet} loadingText="正在加载报表…">
        {(data) => <ReportForm sheet={data} reload={sheet.reload} setSheet={sheet.setData} />}
      </AsyncView>
    </div>
  );
}

const draftOf = (item: ReportSheetItem): RowDraft => ({
  value: item.value?.value ?? null,
  caliberNote: item.value?.caliberNote ?? '',
  comment: item.value?.comment ?? '',
  explanation: item.value?.explanation ?? '',
});

const changed = (item: ReportSheetItem, draft: RowDraft) => {
  const stored = draftOf(item);
  return (
    draft.value !== stored.value ||
    draft.caliberNote.trim() !== stored.caliberNote ||
    draft.comment.trim() !== stored.comment ||
    draft.explanation.trim() !== stored.explanation
  );
};

function ReportForm({ sheet, reload, setSheet }: { sheet: ReportSheet; reload: () => void; setSheet: (s: ReportSheet) => void }) {
  const { can, state } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [strict, setStrict] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [reasonFor, setReasonFor] = useState<'return' | 'reopen' | null>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    setDrafts(Object.fromEntries(sheet.items.map((item) => [item.indicator.id, draftOf(item)])));
  }, [sheet]);

  const report = sheet.report;
  const reportState = report?.state ?? 'draft';
  const me = state.kind === 'signed-in' ? state.me.user : null;
  const ownUnit = me?.role === 'unit_reporter' && me.unitId === sheet.unit.id;
  const bureau = can('value.review');
  const mayReopen = can('value.reopen');
  const editable = isEditable(reportState) && (ownUnit || bureau);

  const rows = useMemo(
    () =>
      sheet.items.map((item) => {
        const draft = drafts[item.indicator.id] ?? draftOf(item);
        // The server's verdict on the stored figure counts while the figure is unchanged (it knows last year's
        // value even when the sheet could not tell us before anything was entered).
        const local = outlierOfDraft(draft.value, item.previous, item.indicator.row);
        const outlier = local.outlier || !(item.outlier.outlier && draft.value === (item.value?.value ?? null)) ? local : item.outlier;
        const errors = validateRow(
          { indicatorId: item.indicator.id, period: sheet.period, expectedVersion: item.value?.version ?? 0 },
          draft,
          outlier,
          strict,
        );
        return { item, draft, outlier, errors };
      }),
    [sheet, drafts, strict],
  );

  function update(indicatorId: string, patch: Partial<RowDraft>) {
    setDrafts((current) => {
      const before = current[indicatorId];
      return before ? { ...current, [indicatorId]: { ...before, ...patch } } : current;
    });
  }

  function handleError(error: unknown, what: string) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'version-conflict') {
      modal.warning({
        title: '报表已被他人修改',
        content: '在您编辑期间，此报表或其中的数值已被其他人修改。点击“确定”载入最新内容，请核对后重新填写。',
        okText: '确定',
        onOk: reload,
      });
      return;
    }
    message.error(`${what}：${errorText(error)}`);
  }

  /** Saves every changed row (one request each, with a progress bar); returns the fresh sheet, or null on failure. */
  async function save(forSubmit: boolean): Promise<ReportSheet | null> {
    setStrict(forSubmit);
    const checked = rows.map((r) => ({
      ...r,
      errors: validateRow(
        { indicatorId: r.item.indicator.id, period: sheet.period, expectedVersion: r.item.value?.version ?? 0 },
        r.draft,
        r.outlier,
        forSubmit,
      ),
    }));
    if (checked.some((r) => Object.keys(r.errors).length > 0)) {
      setStrict(true);
      message.error(forSubmit ? '还有未填或需说明的数值，请按标红的提示补全后再提交' : '请先更正标红的内容');
      return null;
    }
    const pending = checked.filter((r) => r.draft.value !== null && changed(r.item, r.draft));
    setBusy(forSubmit ? 'submit' : 'save');
    setProgress({ done: 0, total: pending.length });
    try {
      for (const [index, r] of pending.entries()) {
        await enterValue({
          indicatorId: r.item.indicator.id,
          period: sheet.period,
          source: 'unit',
          value: r.draft.value ?? 0,
          measureUnit: r.item.expectedUnit,
          caliberNote: r.draft.caliberNote.trim() || null,
          comment: r.draft.comment.trim() || null,
          explanation: r.draft.explanation.trim() || null,
          expectedVersion: r.item.value?.version ?? 0,
        });
        setProgress({ done: index + 1, total: pending.length });
      }
      const fresh = await fetchReportSheet(sheet.unit.id, sheet.period);
      setSheet(fresh);
      if (!forSubmit) message.success(pending.length > 0 ? `已保存 ${pending.length} 项` : '没有需要保存的修改');
      return fresh;
    } catch (error) {
      handleError(error, '保存失败');
      return null;
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  async function act(action: ReportAction, version: number, why: string | undefined, done: string): Promise<boolean> {
    const reportId = sheet.report?.id;
    if (!reportId) return false;
    setBusy(action);
    try {
      await reportAction(reportId, action, version, why);
      setSheet(await fetchReportSheet(sheet.unit.id, sheet.period));
      message.success(done);
      return true;
    } catch (error) {
      handleError(error, '操作失败');
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    const fresh = await save(true);
    if (!fresh) return;
    if (!fresh.report) {
      message.error('请先填写数值再提交');
      return;
    }
    const unexplained = fresh.items.filter((i) => i.outlier.outlier && !i.value?.explanation);
    if (unexplained.length > 0) {
      setStrict(true);
      message.error(`有 ${unexplained.length} 个数值超出历史范围，须填写说明后才能提交`);
      return;
    }
    const reportId = fresh.report.id;
    setBusy('submit');
    try {
      await reportAction(reportId, 'submit', fresh.report.version);
      setSheet(await fetchReportSheet(sheet.unit.id, sheet.period));
      message.success('已提交，等待科技局审核');
    } catch (error) {
      handleError(error, '提交失败');
    } finally {
      setBusy(null);
    }
  }

  const columns = [
    { key: 'seq', title: '序号', width: 56, render: (_: unknown, r: (typeof rows)[number]) => r.item.indicator.row.seq },
    {
      key: 'name',
      title: '指标',
      render: (_: unknown, r: (typeof rows)[number]) => (
        <>
          <div>{r.item.indicator.row.name}</div>
          <Typography.Text type="secondary">
            单位：{r.item.expectedUnit ?? r.item.indicator.row.unit ?? '—'}
            {r.item.indicator.row.attribute === '约束性' ? ' · 约束性' : ''}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'previous',
      title: '上年值',
      width: 100,
      align: 'right' as const,
      render: (_: unknown, r: (typeof rows)[number]) => <span className="num">{formatNumber(r.item.previous)}</span>,
    },
    {
      key: 'value',
      title: '本期值',
      width: 170,
      render: (_: unknown, r: (typeof rows)[number]) => (
        <>
          <InputNumber<number>
            aria-label={`${r.item.indicator.row.name} 本期值`}
            data-testid={`value-${r.item.indicator.row.seq}`}
            style={{ width: '100%' }}
            value={r.draft.value}
            disabled={!editable || busy !== null}
            status={r.errors.value ? 'error' : undefined}
            onChange={(v) => update(r.item.indicator.id, { value: typeof v === 'number' && Number.isFinite(v) ? v : null })}
            controls={false}
            placeholder="请输入"
          />
          {r.errors.value && <Typography.Text type="danger">{r.errors.value}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'notes',
      title: '口径说明 / 异常说明',
      render: (_: unknown, r: (typeof rows)[number]) => <NotesCell row={r} editable={editable && busy === null} update={update} />,
    },
  ];

  const returnedReason = report && (report.state === 'returned' || report.state === 'draft') ? report.reason : null;
  return (
    <>
      <div className="page-title">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
          <h1>
            {sheet.unit.name} · {sheet.periodLabel}
          </h1>
          <ReportStateTag state={report?.state ?? 'missing'} />
        </Space>
        <span className="subtitle">{sheet.unit.countyName}</span>
      </div>
      {returnedReason && (
        <Alert className="section" type="error" showIcon title="报表被退回，请按原因修改后重新提交" description={`退回原因：${returnedReason}`} data-testid="return-reason" />
      )}
      {reportState === 'submitted' && !bureau && <Alert className="section" type="info" showIcon title="已提交，等待科技局审核；审核期间不能修改。" />}
      {reportState === 'approved' && <Alert className="section" type="success" showIcon title="已审核通过，数据已锁定。如需更正，请联系科技局重新打开。" />}
      <Card className="section" size="small">
        <Descriptions size="small" column={{ xs: 1, lg: 4 }}>
          <Descriptions.Item label="截止日期">
            <span className={sheet.overdue ? 'text-overdue' : ''}>
              {formatDate(sheet.dueDate)}
              {sheet.overdue ? '（已逾期）' : ''}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="提交">{report?.submittedBy ? `${report.submittedBy} · ${formatDateTime(report.submittedAt)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="审核">{report?.reviewedBy ? `${report.reviewedBy} · ${formatDateTime(report.reviewedAt)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="指标数">{sheet.items.length}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card className="section" size="small" title="填报数值">
        <Table
          rowKey={(r) => r.item.indicator.id}
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="small"
          rowClassName={(r) => (r.outlier.outlier ? 'row-warning' : '')}
          locale={{ emptyText: '本期没有需要本单位填报的指标' }}
        />
        {progress && progress.total > 0 && (
          <Progress percent={Math.round((progress.done / progress.total) * 100)} format={() => `正在保存 ${progress.done}/${progress.total}`} style={{ marginTop: 12 }} />
        )}
        <div style={{ marginTop: 16, display: 'flex', justifyContent: 'flex-end', gap: 8, flexWrap: 'wrap' }}>
          {editable && (
            <>
              <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null} onClick={() => void save(false)}>
                保存
              </Button>
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={busy !== null || sheet.items.length === 0} onClick={() => void submit()}>
                提交审核
              </Button>
            </>
          )}
          {bureau && report && report.state === 'submitted' && (
            <>
              <Button danger icon={<RollbackOutlined />} disabled={busy !== null} onClick={() => setReasonFor('return')}>
                退回
              </Button>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy === 'approve'}
                disabled={busy !== null}
                onClick={() => void act('approve', report.version, undefined, '已审核通过，数值已计入监测')}
              >
                审核通过
              </Button>
            </>
          )}
          {mayReopen && report && report.state === 'approved' && (
            <Button icon={<UnlockOutlined />} disabled={busy !== null} onClick={() => setReasonFor('reopen')}>
              重新打开
            </Button>
          )}
        </div>
      </Card>
      {editable && (
        <Card className="section" size="small" title="用 Excel 填报">
          <Space style={{ marginBottom: 12 }} wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'template'}
              onClick={async () => {
                setBusy('template');
                try {
                  await api.download(templateUrl(sheet.unit.id, sheet.period), `${sheet.unit.name}-${sheet.period}-填报模板.xlsx`);
                } catch (error) {
                  message.error(`下载模板失败：${errorText(error)}`);
                } finally {
                  setBusy(null);
                }
              }}
            >
              下载本期填报模板
            </Button>
            <Typography.Text type="secondary">模板中的指标名称、编码已锁定，只需在“本期值”等列填写。</Typography.Text>
          </Space>
          <ExcelUpload onImported={reload} />
        </Card>
      )}
      <Modal
        open={reasonFor !== null}
        title={reasonFor === 'reopen' ? '重新打开报表' : '退回报表'}
        okText={reasonFor === 'reopen' ? '重新打开' : '退回'}
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: busy === 'return' || busy === 'reopen' }}
        onCancel={() => setReasonFor(null)}
        onOk={async () => {
          if (!report || !reasonFor) return;
          const ok = await act(reasonFor, report.version, reason.trim(), reasonFor === 'return' ? '已退回，填报单位将看到退回原因' : '已重新打开，填报单位可修改后再提交');
          if (ok) {
            setReasonFor(null);
            setReason('');
          }
        }}
      >
        <Typography.Paragraph>请写明原因，填报单位会看到这段文字：</Typography.Paragraph>
        <Input.TextArea
          aria-label="退回原因"
          data-testid="return-reason-input"
          autoSize={{ minRows: 3 }}
          value={reason}
          maxLength={2000}
          showCount
          onChange={(e) => setReason(e.target.value)}
          placeholder="例如：R&D 经费口径与统计局不一致，请按年报口径更正"
        />
      </Modal>
    </>
  );
}

function NotesCell({
  row,
  editable,
  update,
}: {
  row: { item: ReportSheetItem; draft: RowDraft; outlier: ReturnType<typeof outlierOfDraft>; errors: RowErrors };
  editable: boolean;
  update: (indicatorId: string, patch: Partial<RowDraft>) => void;
}) {
  const { item, draft, outlier, errors } = row;
  const id = item.indicator.id;
  const name = item.indicator.row.name;
  const showExplanation = outlier.outlier || draft.explanation !== '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      <Input
        aria-label={`${name} 口径说明`}
        placeholder="口径说明（如：按统计局年报口径）"
        value={draft.caliberNote}
        disabled={!editable}
        status={errors.caliberNote ? 'error' : undefined}
        onChange={(e) => update(id, { caliberNote: e.target.value })}
      />
      {errors.caliberNote && <Typography.Text type="danger">{errors.caliberNote}</Typography.Text>}
      {showExplanation && (
        <>
          {outlier.outlier && !errors.explanation && <Typography.Text type="warning">⚠ {outlier.message}，请说明原因</Typography.Text>}
          <Input.TextArea
            aria-label={`${name} 异常说明`}
            data-testid={`explanation-${item.indicator.row.seq}`}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder="例如：本年新增两家规上企业，统计口径调整"
            value={draft.explanation}
            disabled={!editable}
            status={errors.explanation ? 'error' : undefined}
            onChange={(e) => update(id, { explanation: e.target.value })}
          />
          {errors.explanation && <Typography.Text type="danger">{errors.explanation}</Typography.Text>}
        </>
      )}
    </Space>
  );
}
