import { REPORT_FILTER_DIMENSIONS, type ReportFilterDimension } from './rollup-measures';

/** At most one value per dimension; the dashboard counts tickets that match every one of them. */
export type ReportFilters = Partial<Record<ReportFilterDimension, string>>;

/** The filters that are set, in the dimensions' order, so two equal filter sets read the same way. */
export function activeFilters<V = string>(
  filters: Partial<Record<ReportFilterDimension, V>> | undefined | null,
): Array<[ReportFilterDimension, V]> {
  return REPORT_FILTER_DIMENSIONS.flatMap((dimension) => {
    const value = filters?.[dimension];
    return value ? [[dimension, value] as [ReportFilterDimension, V]] : [];
  });
}

/** The filters as query-string pairs, one parameter per dimension (`team=…&channel=…`). */
export function setFilterParams(params: URLSearchParams, filters: ReportFilters | undefined | null) {
  for (const [dimension, value] of activeFilters(filters)) params.set(dimension, value);
}

/** The filters a query string names; the caller's schema then checks them like any other input. */
export function filtersFromParams(param: (name: string) => string | undefined): ReportFilters {
  return Object.fromEntries(
    REPORT_FILTER_DIMENSIONS.flatMap((dimension) => {
      const value = param(dimension);
      return value === undefined ? [] : [[dimension, value]];
    }),
  );
}
