-- Reconciliation rules for co-production receipts, fact bounds and the shared history
-- (columns and `__half` tolerances: see dashboard/data/checks.py).

-- Receipts: the top row is the sum of the others; shares of the top and of all receipts (the
-- fact 'receipts' of the report's year, in euros).
CREATE TEMP VIEW receipt_rows AS
SELECT r.*, t.receipts_cents AS top_receipts, f.fact_value * 100 AS all_receipts,
    'coproduction_receipts:' || r.row_key || ':' AS key_prefix,
    'coproduction_receipts.csv, ' || r.row_key || ', ' AS where_printed
FROM coproduction_receipts r
LEFT JOIN coproduction_receipts t ON t.report_year = r.report_year AND t.row_key = 'total_top'
LEFT JOIN facts f ON f.report_year = r.report_year AND f.fact_id = 'receipts' AND f.period_year = r.report_year;

CREATE TEMP VIEW receipt_top AS
SELECT t.report_year, t.receipts_cents, t.projects, SUM(p.receipts_cents) AS sum_receipts,
    SUM(p.projects) AS sum_projects
FROM coproduction_receipts t
JOIN coproduction_receipts p ON p.report_year = t.report_year AND p.row_key <> 'total_top'
WHERE t.row_key = 'total_top'
GROUP BY t.report_year, t.receipts_cents, t.projects;

SELECT report_year, 'coproduction_receipts:total_top:sum_receipts' AS check_key,
    'coproduction_receipts.csv, top projects' AS description, 'cents' AS unit, receipts_cents AS printed,
    sum_receipts AS computed, 0 AS tolerance
FROM receipt_top;

SELECT report_year, 'coproduction_receipts:total_top:sum_projects' AS check_key,
    'coproduction_receipts.csv, projects' AS description, 'n' AS unit, projects AS printed,
    sum_projects AS computed, 0 AS tolerance
FROM receipt_top;

SELECT report_year, key_prefix || 'share_total' AS check_key, where_printed || 'share of all receipts'
    AS description, 'bp' AS unit, share_of_total_printed_bp AS printed,
    receipts_cents * 10000.0 / NULLIF(all_receipts, 0) AS computed, share_of_total_printed_bp__half AS tolerance
FROM receipt_rows;

SELECT report_year, key_prefix || 'share_top' AS check_key, where_printed || 'share of the top' AS description,
    'bp' AS unit, share_of_top_printed_bp AS printed, receipts_cents * 10000.0 / NULLIF(top_receipts, 0) AS computed,
    share_of_top_printed_bp__half AS tolerance
FROM receipt_rows;

-- Bounds: printed, the value; computed, the nearest value inside [lower, upper].
SELECT report_year, 'facts:' || fact_id || ':' || period_year || ':bounds' AS check_key,
    'facts.csv, ' || fact_id || ', lower <= value <= upper' AS description, 'n' AS unit, fact_value AS printed,
    MAX(COALESCE(lower_value, fact_value), MIN(COALESCE(upper_value, fact_value), fact_value)) AS computed,
    0 AS tolerance
FROM facts;

SELECT NULL AS report_year, 'history:' || row_id || ':invested_bounds' AS check_key,
    'history.csv, ' || row_id || ', invested bounds' AS description, 'cents' AS unit, invested_cents AS printed,
    MAX(COALESCE(invested_lower_cents, invested_cents),
        MIN(COALESCE(invested_upper_cents, invested_cents), invested_cents)) AS computed, 0 AS tolerance
FROM history;

SELECT NULL AS report_year, 'history:' || row_id || ':spend_bounds' AS check_key,
    'history.csv, ' || row_id || ', spend bounds' AS description, 'cents' AS unit, spend_cents AS printed,
    MAX(COALESCE(spend_lower_cents, spend_cents), MIN(COALESCE(spend_upper_cents, spend_cents), spend_cents))
    AS computed, 0 AS tolerance
FROM history;

SELECT NULL AS report_year, 'history:' || row_id || ':ratio_bounds' AS check_key,
    'history.csv, ' || row_id || ', ratio bounds' AS description, 'bp' AS unit, ratio_bp AS printed,
    MAX(COALESCE(ratio_lower_bp, ratio_bp), MIN(COALESCE(ratio_upper_bp, ratio_bp), ratio_bp)) AS computed,
    0 AS tolerance
FROM history;

-- A derived ratio is spend / invested, stored to the percent (half a percent = 50 bp).
SELECT NULL AS report_year, 'history:' || row_id || ':ratio' AS check_key,
    'history.csv, ' || row_id || ', derived ratio' AS description, 'bp' AS unit, ratio_bp AS printed,
    spend_cents * 10000.0 / invested_cents AS computed, 50 AS tolerance
FROM history
WHERE ratio_quality = 'derived' AND invested_cents <> 0 AND spend_cents <> 0;

-- The history's single figure of a detailed report's year is that report's works.
SELECT r.report_year, 'history:' || h.row_id || ':invested' AS check_key,
    'history.csv, ' || h.row_id || ' invested vs the ' || r.report_year || ' report''s works.csv' AS description,
    'cents' AS unit, h.invested_cents AS printed,
    (SELECT SUM(w.investment_cents) FROM works w WHERE w.report_year = r.report_year) AS computed, 0 AS tolerance
FROM history h
JOIN reports r ON r.report_year = h.period_start
WHERE h.fund = 'Wallimage' AND h.scope = 'single_year';

SELECT r.report_year, 'history:' || h.row_id || ':spend' AS check_key,
    'history.csv, ' || h.row_id || ' spend vs the ' || r.report_year || ' report''s works.csv' AS description,
    'cents' AS unit, h.spend_cents AS printed,
    (SELECT SUM(w.walloon_spend_cents) FROM works w WHERE w.report_year = r.report_year) AS computed, 0 AS tolerance
FROM history h
JOIN reports r ON r.report_year = h.period_start
WHERE h.fund = 'Wallimage' AND h.scope = 'single_year';
