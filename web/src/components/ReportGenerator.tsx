// 生成报告: choose the kind and year, start the job, watch its progress, download the Word file and its Excel annex
// (or, for the municipal bureau, the batch .zip — for the counties of one 地市, titled with its name, or for all
// counties). A failed job shows the server's reason.
import { defaultDataYear } from '@domain/plan/plan-for-year.ts';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Progress, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../api/client.ts';
import { downloadReportFile, fetchReportJob, requestReport, type ReportJob, type ReportJobRequest } from '../api/reports.ts';

type Kind = ReportJobRequest['kind'];

const KINDS: { value: Kind; label: string }[] = [
  { value: 'annual', label: '年度监测报告' },
  { value: 'midterm', label: '中期评估报告' },
  { value: 'final', label: '总结评估报告' },
];

const POLL_MS = 800;

export interface ReportGeneratorProps {
  /** One plan's report; without it, the municipal batch (every county + comparison, zipped). */
  planId?: string;
  periodStart: number | null;
  periodEnd: number | null;
  /** Municipal batch: the distinct 地市 assigned to counties (区县归属); the batch can be limited to one of them. */
  municipalities?: readonly string[];
}

/** The Select's value for "every county in scope" (antd shows a placeholder for null, so a sentinel stands in). */
const ALL_COUNTIES = '';

function defaultYear(kind: Kind, start: number | null, end: number | null): number {
  if (start !== null && end !== null && kind === 'midterm') return start + Math.floor((end - start) / 2);
  if (end !== null && kind === 'final') return end;
  return defaultDataYear({ periodStart: start, periodEnd: end }, new Date());
}

export function ReportGenerator({ planId, periodStart, periodEnd, municipalities = [] }: ReportGeneratorProps) {
  const [kind, setKind] = useState<Kind>('midterm');
  // undefined until the person picks: then the default follows the list (the only 地市 when there is exactly one).
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const fallback = municipalities.length === 1 ? (municipalities[0] ?? ALL_COUNTIES) : ALL_COUNTIES;
  const municipality = picked !== undefined && (picked === ALL_COUNTIES || municipalities.includes(picked)) ? picked : fallback;
  const [year, setYear] = useState<number>(defaultYear('midterm', periodStart, periodEnd));
  const [job, setJob] = useState<ReportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = job !== null && (job.status === 'queued' || job.status === 'running');

  useEffect(() => {
    if (!running || job === null) return;
    const timer = window.setTimeout(() => {
      fetchReportJob(job.id).then(setJob, (e: unknown) => setError(errorText(e)));
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job, running]);

  const start = async () => {
    setError(null);
    try {
      setJob(await requestReport(planId ? { scope: 'plan', planId, kind, year } : { scope: 'municipal', municipality: municipality === ALL_COUNTIES ? null : municipality, kind, year }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card size="small" className="section" title={<span><FileWordOutlined /> {planId ? '生成评估报告' : '全市批量生成报告'}</span>}>
      <Space wrap>
        {!planId && (
          <Select
            aria-label="地市"
            data-testid="report-municipality"
            value={municipality}
            style={{ width: 180 }}
            onChange={(m: string) => setPicked(m)}
            options={[{ value: ALL_COUNTIES, label: '全部区县' }, ...municipalities.map((m) => ({ value: m, label: m }))]}
          />
        )}
        <Select
          aria-label="报告类型"
          value={kind}
          options={KINDS}
          style={{ width: 150 }}
          onChange={(k: Kind) => {
            setKind(k);
            setYear(defaultYear(k, periodStart, periodEnd));
          }}
        />
        <InputNumber aria-label="评估年份" value={year} min={2000} max={2100} onChange={(v) => v !== null && setYear(v)} suffix="年" style={{ width: 120 }} />
        <Button type="primary" icon={<FileWordOutlined />} loading={running} onClick={() => void start()}>
          {running ? '正在生成…' : '生成报告'}
        </Button>
      </Space>
      {job !== null && running && (
        <div style={{ marginTop: 12 }}>
          <Progress percent={job.progress} size="small" status="active" />
          <Typography.Text type="secondary">{job.status === 'queued' ? '排队中…' : (job.step ?? '生成中…')}</Typography.Text>
        </div>
      )}
      {job?.status === 'done' && (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          <Typography.Text type="success">已生成，请下载（Word 为初稿：标黄的〔请填写〕部分需由局里补充）：</Typography.Text>
          {job.files.map((file) => (
            <Button key={file.id} icon={<DownloadOutlined />} onClick={() => void downloadReportFile(job, file).catch((e: unknown) => setError(errorText(e)))}>
              {file.fileName}
            </Button>
          ))}
        </Space>
      )}
      {job?.status === 'failed' && <Alert style={{ marginTop: 12 }} type="error" showIcon title={`生成失败：${job.error ?? '原因不明'}`} role="alert" />}
      {error !== null && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} role="alert" />}
    </Card>
  );
}
