package dev.meetscope.models.parse.report;

/** Order of day and month in a slash date such as {@code 03/04/2026} (zoom-formats.md §6 #30-31). */
public enum DateOrder {
  /** {@code MM/DD/YYYY}: US portal exports, Excel {@code M/D/YY}. */
  MONTH_FIRST,
  /** {@code DD/MM/YYYY}: admin exports of non-US tenants. */
  DAY_FIRST
}
