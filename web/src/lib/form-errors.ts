// Turns problems with a form into Chinese messages on its fields: first the server's own Zod schema (from
// src/contracts, checked before sending so a mistake is named without a round trip), then the API's answer — its
// per-field details, and a 409 (someone else saved the record first) told as such.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError, chineseMessage, errorText } from '../api/client.ts';

export interface FieldProblem {
  /** Top-level field name of the request body ('' when the problem is not about one field). */
  field: string;
  message: string;
}

/** One Chinese message for a Zod issue; `label` names the field as the form shows it. */
export function issueMessage(issue: z.core.$ZodIssue, label: string): string {
  // Messages the contracts write themselves are "中文 / English": keep the Chinese half.
  if (issue.code === 'custom' || /[\u4e00-\u9fff]/.test(issue.message)) return `${label}：${chineseMessage(issue.message)}`;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `请填写${label}` : `${label}至少 ${String(issue.minimum)} 个字`;
      if (issue.origin === 'array') return `请选择${label}`;
      return `${label}不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `${label}最多 ${String(issue.maximum)} 个字`;
      return `${label}不能大于 ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}格式不正确`;
    case 'invalid_value':
      return `请选择${label}`;
    case 'invalid_format':
      return `${label}格式不正确`;
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`;
    default:
      return `${label}不正确`;
  }
}

/** Problems with `body` under `schema`, with the form's field labels; empty when the body is acceptable. */
export function schemaProblems<S extends z.ZodType>(schema: S, body: unknown, labels: Record<string, string>): FieldProblem[] {
  // reportInput: an absent field ("请填写") reads differently from a wrong one ("格式不正确").
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    return { field, message: issueMessage(issue, labels[field] ?? field) };
  });
}

/** What to show for a failed save: a message for the whole form and any field problems the server named. */
export function saveFailure(failure: unknown): SaveError & { fields: FieldProblem[] } {
  if (failure instanceof ApiError) {
    const conflict = failure.status === 409 && failure.code === 'version-conflict';
    const fields = (failure.body.details ?? [])
      .map((d) => ({ field: d.path.replace(/^\//, '').split('/')[0] ?? '', message: chineseMessage(d.message) }))
      .filter((d) => d.field !== '');
    // The form swaps in the record as it is now (the 409 carries it), so "refresh" is already done for the person.
    const message = conflict ? '您打开之后，他人已保存了新的内容。表单已换成最新内容，您的修改未保存，请核对后重新填写并保存。' : failure.message;
    return { message, conflict, current: conflict ? failure.body.current : undefined, fields };
  }
  return { message: errorText(failure), conflict: false, fields: [] };
}

/** Puts problems on the form's fields; answers whether any landed on a field the form has. */
export function showOnFields(form: FormInstance, problems: FieldProblem[], formFields: readonly string[]): boolean {
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    if (!formFields.includes(p.field)) continue;
    byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

export interface SaveError {
  message: string;
  /** 409: the record changed under the form; the caller shows the current one. */
  conflict: boolean;
  /** With a 409 version conflict: the record as it is now. */
  current?: unknown;
}

/**
 * The save step every register form shares: antd's own field rules, then the contract's Zod schema on the body
 * (problems on their fields), then the request; a refused request's message (and named fields) shown in Chinese.
 * `labels` are the form's fields and how it names them.
 */
export function useSchemaSave<S extends z.ZodType>(form: FormInstance, schema: S, labels: Record<string, string>) {
  const [error, setError] = useState<SaveError | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = Object.keys(labels);
  async function save<R>(toBody: () => unknown, send: (body: z.output<S>) => Promise<R>): Promise<R | null> {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return null; // antd marks the fields itself
    }
    const body = toBody();
    const problems = schemaProblems(schema, body, labels);
    if (problems.length > 0) {
      const placed = showOnFields(form, problems, fields);
      const loose = problems.filter((p) => !fields.includes(p.field)).map((p) => p.message);
      setError({ message: loose.length > 0 ? loose.join('；') : placed ? '请按提示修改标红的项目' : '填写内容不正确', conflict: false });
      return null;
    }
    setBusy(true);
    try {
      return await send(schema.parse(body));
    } catch (failure) {
      const refused = saveFailure(failure);
      showOnFields(form, refused.fields, fields);
      setError({ message: refused.message, conflict: refused.conflict, current: refused.current });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { save, error, busy, clearError: () => setError(null) };
}
