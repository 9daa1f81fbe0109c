-- Reconciliation rules for the video-game programme: agreements, phase totals, the year's call
-- (columns and `__half` tolerances: see dashboard/data/checks.py).

SELECT report_year, 'gaming_agreements:' || agreement_no || ':ratio' AS check_key,
    'gaming_agreements.csv, ' || project || ', ratio' AS description, 'bp' AS unit, ratio_printed_bp AS printed,
    validated_spend_cents * 10000.0 / committed_cents AS computed, ratio_printed_bp__half AS tolerance
FROM gaming_agreements
WHERE committed_cents <> 0;

-- A phase total is the sum of its agreements ('all' = every agreement); the rows are printed to
-- the cent but themselves rounded: half a cent per row.
CREATE TEMP VIEW gaming_phases AS
SELECT t.*, COUNT(a.agreement_no) AS n, SUM(a.committed_cents) AS s_committed,
    SUM(a.committed_cents__half) AS h_committed, SUM(a.validated_spend_cents) AS s_validated,
    SUM(a.validated_spend_cents__half) AS h_validated,
    'gaming_agreement_totals:' || t.phase || ':' AS key_prefix,
    'gaming_agreement_totals.csv, ' || t.phase || ', ' AS where_printed
FROM gaming_agreement_totals t
LEFT JOIN gaming_agreements a ON a.report_year = t.report_year AND (t.phase = 'all' OR a.phase = t.phase)
GROUP BY t.report_year, t.phase;

SELECT report_year, key_prefix || 'count' AS check_key, where_printed || 'agreements' AS description, 'n' AS unit,
    agreements AS printed, n AS computed, 0 AS tolerance
FROM gaming_phases;

SELECT report_year, key_prefix || 'committed' AS check_key, where_printed || 'committed' AS description,
    'cents' AS unit, committed_cents AS printed, s_committed AS computed, h_committed AS tolerance
FROM gaming_phases;

SELECT report_year, key_prefix || 'validated_spend' AS check_key, where_printed || 'validated spend' AS description,
    'cents' AS unit, validated_spend_cents AS printed, s_validated AS computed, h_validated AS tolerance
FROM gaming_phases;

SELECT report_year, key_prefix || 'ratio' AS check_key, where_printed || 'ratio' AS description, 'bp' AS unit,
    ratio_printed_bp AS printed, validated_spend_cents * 10000.0 / committed_cents AS computed,
    ratio_printed_bp__half AS tolerance
FROM gaming_phases
WHERE committed_cents <> 0;

-- The year's call: its projects are the agreements flagged in_year_call, with the same amounts (a report that
-- lists no call prints nothing to check: NULL).
SELECT r.report_year, 'gaming_call:count' AS check_key,
    'gaming_call.csv, projects vs those flagged in gaming_agreements.csv' AS description, 'n' AS unit,
    (SELECT NULLIF(COUNT(*), 0) FROM gaming_call c WHERE c.report_year = r.report_year) AS printed,
    (SELECT COUNT(*) FROM gaming_agreements a WHERE a.report_year = r.report_year AND a.in_year_call = 1) AS computed,
    0 AS tolerance
FROM reports r;

CREATE TEMP VIEW gaming_call_rows AS
SELECT c.*, a.committed_cents, a.validated_spend_cents, a.agreement_no,
    'gaming_call:' || c.ordinal || ':' AS key_prefix, 'gaming_call.csv, ' || c.project || ', ' AS where_printed
FROM gaming_call c
LEFT JOIN gaming_agreements a ON a.report_year = c.report_year AND a.project = c.project AND a.in_year_call = 1;

SELECT report_year, key_prefix || 'listed' AS check_key, where_printed || 'flagged in gaming_agreements.csv'
    AS description, 'n' AS unit, 1 AS printed, COUNT(agreement_no) AS computed, 0 AS tolerance
FROM gaming_call_rows
GROUP BY report_year, ordinal, project;

SELECT report_year, key_prefix || 'investment' AS check_key, where_printed || 'investment vs agreement'
    AS description, 'cents' AS unit, investment_cents AS printed, committed_cents AS computed, 0 AS tolerance
FROM gaming_call_rows;

SELECT report_year, key_prefix || 'spend' AS check_key, where_printed || 'spend vs agreement' AS description,
    'cents' AS unit, walloon_spend_cents AS printed, validated_spend_cents AS computed, 0 AS tolerance
FROM gaming_call_rows;

SELECT report_year, key_prefix || 'ratio' AS check_key, where_printed || 'ratio' AS description, 'bp' AS unit,
    ratio_printed_bp AS printed, walloon_spend_cents * 10000.0 / investment_cents AS computed,
    ratio_printed_bp__half AS tolerance
FROM gaming_call_rows
WHERE investment_cents <> 0;

CREATE TEMP VIEW gaming_call_sums AS
SELECT t.*, COUNT(c.ordinal) AS n, SUM(c.investment_cents) AS s_investment,
    SUM(c.investment_cents__half) AS h_investment, SUM(c.walloon_spend_cents) AS s_spend,
    SUM(c.walloon_spend_cents__half) AS h_spend
FROM gaming_call_totals t
LEFT JOIN gaming_call c ON c.report_year = t.report_year
GROUP BY t.report_year, t.projects;

SELECT report_year, 'gaming_call_totals:projects' AS check_key, 'gaming_call_totals.csv, projects' AS description,
    'n' AS unit, projects AS printed, n AS computed, 0 AS tolerance
FROM gaming_call_sums;

SELECT report_year, 'gaming_call_totals:investment' AS check_key, 'gaming_call_totals.csv, investment'
    AS description, 'cents' AS unit, investment_cents AS printed, s_investment AS computed,
    investment_cents__half + h_investment AS tolerance
FROM gaming_call_sums;

SELECT report_year, 'gaming_call_totals:spend' AS check_key, 'gaming_call_totals.csv, Walloon spend'
    AS description, 'cents' AS unit, walloon_spend_cents AS printed, s_spend AS computed,
    walloon_spend_cents__half + h_spend AS tolerance
FROM gaming_call_sums;

SELECT report_year, 'gaming_call_totals:ratio' AS check_key, 'gaming_call_totals.csv, ratio' AS description,
    'bp' AS unit, ratio_printed_bp AS printed, walloon_spend_cents * 10000.0 / investment_cents AS computed,
    ratio_printed_bp__half AS tolerance
FROM gaming_call_sums
WHERE investment_cents <> 0;
