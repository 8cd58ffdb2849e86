// One indicator, end to end: 完成进度, 序时进度, 评价, the sentence for the table, and the projection to the target
// year. This is what a monitoring table row or a 中期评估 indicator table needs.
import type { IndicatorAttribute } from '../plan/model.ts';
import type { Period } from '../period/period.ts';
import { completionOfValues, usableObservations, type CompletionResult, type Observation, type TargetSpec } from './completion.ts';
import { describeProjection, projectFromValues, type ForecastResult, type ProjectionResult } from './forecast.ts';
import { classifyStatus, explainStatus, type StatusVerdict } from './status.ts';
import type { TargetKind } from './target-kind.ts';

export interface IndicatorEvaluationInput {
  kind: TargetKind;
  attribute: IndicatorAttribute | null;
  spec: TargetSpec;
  series: readonly Observation[];
  /** Evaluate as of this period (later observations ignored); default: the latest data. */
  asOf?: Period;
  /** ε, default DEFAULT_TOLERANCE (0.05). */
  tolerance?: number;
}

export interface IndicatorEvaluation {
  completion: CompletionResult;
  verdict: StatusVerdict;
  /** One Chinese sentence for the 评价 column. */
  explanation: string;
  forecast: ForecastResult;
}

/** The figures of an evaluation without its sentences: what a comparison of thousands of cells needs. */
export interface IndicatorMeasurement {
  completion: CompletionResult;
  verdict: StatusVerdict;
  projection: ProjectionResult;
}

export function measureIndicator(input: IndicatorEvaluationInput): IndicatorMeasurement {
  // One cut-off for both: the forecast never looks past the evaluated period (a history table's own future).
  const values = usableObservations(input.series, input.asOf === undefined ? {} : { asOf: input.asOf });
  const completion = completionOfValues(input.kind, input.spec, values);
  const verdict = classifyStatus({
    attribute: input.attribute,
    completion,
    ...(input.tolerance === undefined ? {} : { tolerance: input.tolerance }),
  });
  const projection = projectFromValues({ kind: input.kind, attribute: input.attribute, spec: input.spec }, values);
  return { completion, verdict, projection };
}

export function evaluateIndicator(input: IndicatorEvaluationInput): IndicatorEvaluation {
  const { completion, verdict, projection } = measureIndicator(input);
  const forecast = projection.possible ? describeProjection(input, projection) : projection;
  return { completion, verdict, explanation: explainStatus(verdict), forecast };
}
