// The status query folds each indicator's official values into one text (see IndicatorStatusRow.folded); reading it
// back must give the series oldest first whatever order the database aggregated it in, and the latest value's own
// period code and source.
import { describe, expect, it } from 'vitest';
import { unfoldSeries } from '../../src/services/monitoring/indicator-status.ts';

describe('unfoldSeries', () => {
  it.each([
    ['null', null, [], undefined],
    ['empty', '', [], undefined],
    ['one year', '2021:12.5:unit', [[2021, 12.5, 'year']], ['2021', 'unit']],
    ['in order', '2020:1:statistics;2021:1.5:unit;2022:-3:register', [[2020, 1, 'year'], [2021, 1.5, 'year'], [2022, -3, 'year']], ['2022', 'register']],
    ['out of order', '2022:3:unit;2020:1:statistics;2021:2:register', [[2020, 1, 'year'], [2021, 2, 'year'], [2022, 3, 'year']], ['2022', 'unit']],
    // Q4 and the year end together; the longer period counts as the later (periodSortKey, comparePeriods).
    ['quarters before the year they end', '2023:9:statistics;2023Q2:4:unit;2023Q4:8:unit', [[2023, 4, 'quarter'], [2023, 8, 'quarter'], [2023, 9, 'year']], ['2023', 'statistics']],
    ['exponent and unknown source', '2021:1e-7:somebody', [[2021, 1e-7, 'year']], ['2021', 'unit']],
  ] as const)('%s', (_label, folded, expected, latest) => {
    const series = unfoldSeries(folded);
    expect(series.observations.map((o) => [o.dataYear, o.value, o.period?.kind])).toEqual(expected);
    expect(series.latest && [series.latest.code, series.latest.source]).toEqual(latest);
  });
});
