-- Reconciliation rules for shooting activity, spend per shooting day, the scenarios, carbon,
-- directors and the catalogue (columns and `__half` tolerances: see dashboard/data/checks.py).

-- Each shooting total is the sum of its column over the project types (the measure names the column).
SELECT t.report_year, 'shooting_activity_totals:' || t.measure || ':sum' AS check_key,
    'shooting_activity_totals.csv, ' || t.measure || ' vs the sum of shooting_activity.csv' AS description, 'n' AS unit, t.total_value AS printed,
    (SELECT SUM(CASE t.measure WHEN 'dossiers' THEN a.dossiers WHEN 'dossiers_shot' THEN a.dossiers_shot
                WHEN 'shooting_days' THEN a.shooting_days WHEN 'days_cofinanced' THEN a.days_cofinanced
                WHEN 'days_attributable' THEN a.days_attributable END)
     FROM shooting_activity a WHERE a.report_year = t.report_year) AS computed,
    0 AS tolerance
FROM shooting_activity_totals t;

SELECT report_year, 'shooting_activity:' || project_type || ':days' AS check_key,
    'shooting_activity.csv, ' || project_type || ', days = co-financed + attributable' AS description,
    'n' AS unit, shooting_days AS printed, days_cofinanced + days_attributable AS computed, 0 AS tolerance
FROM shooting_activity;

SELECT a.report_year, 'shooting_activity:' || a.project_type || ':dossiers_share' AS check_key,
    'shooting_activity.csv, ' || a.project_type || ', share of dossiers' AS description, 'bp' AS unit,
    a.dossiers_share_printed_bp AS printed, a.dossiers * 10000.0 / NULLIF(t.total_value, 0) AS computed,
    a.dossiers_share_printed_bp__half AS tolerance
FROM shooting_activity a
LEFT JOIN shooting_activity_totals t ON t.report_year = a.report_year AND t.measure = 'dossiers';

-- Spend per shooting day: total = eligible + non-AV (each rounded to the cent), shares of the total,
-- the chart's rounded total, and the chart's posts adding up to it.
SELECT report_year, 'shooting_spend_per_day:' || work_type || ':split' AS check_key,
    'shooting_spend_per_day.csv, ' || work_type || ', eligible + non-AV' AS description, 'cents' AS unit,
    total_per_day_cents AS printed, av_eligible_cents + non_av_cents AS computed,
    total_per_day_cents__half + av_eligible_cents__half + non_av_cents__half AS tolerance
FROM shooting_spend_per_day;

SELECT report_year, 'shooting_spend_per_day:' || work_type || ':av_share' AS check_key,
    'shooting_spend_per_day.csv, ' || work_type || ', av share' AS description, 'bp' AS unit,
    av_share_printed_bp AS printed, av_eligible_cents * 10000.0 / NULLIF(total_per_day_cents, 0) AS computed,
    av_share_printed_bp__half AS tolerance
FROM shooting_spend_per_day;

SELECT report_year, 'shooting_spend_per_day:' || work_type || ':non_av_share' AS check_key,
    'shooting_spend_per_day.csv, ' || work_type || ', non_av share' AS description, 'bp' AS unit,
    non_av_share_printed_bp AS printed, non_av_cents * 10000.0 / NULLIF(total_per_day_cents, 0) AS computed,
    non_av_share_printed_bp__half AS tolerance
FROM shooting_spend_per_day;

SELECT report_year, 'shooting_spend_per_day:' || work_type || ':chart' AS check_key,
    'shooting_spend_per_day.csv, ' || work_type || ', chart total' AS description, 'cents' AS unit,
    chart_total_cents AS printed, total_per_day_cents AS computed, chart_total_cents__half AS tolerance
FROM shooting_spend_per_day;

SELECT d.report_year, 'shooting_spend_per_day:' || d.work_type || ':posts' AS check_key,
    'shooting_spend_per_day.csv, ' || d.work_type || ', chart total vs the sum of shooting_spend_per_day_posts.csv'
    AS description, 'cents' AS unit,
    d.chart_total_cents AS printed, COALESCE(SUM(p.amount_cents), 0) AS computed,
    d.chart_total_cents__half + COALESCE(SUM(p.amount_cents__half), 0) AS tolerance
FROM shooting_spend_per_day d
LEFT JOIN shooting_spend_per_day_posts p ON p.report_year = d.report_year AND p.work_type = d.work_type
GROUP BY d.report_year, d.work_type, d.chart_total_cents, d.chart_total_cents__half;

-- Scenarios: inputs against the shooting activity, each published row against its inputs, and the
-- published totals against their rows.
SELECT i.report_year, 'scenario_inputs:' || i.project_type || ':days' AS check_key,
    'scenario_inputs.csv, ' || i.project_type || ', attributable days' AS description, 'n' AS unit,
    i.attributable_days AS printed, a.days_attributable AS computed, 0 AS tolerance
FROM scenario_inputs i
LEFT JOIN shooting_activity a ON a.report_year = i.report_year AND a.project_type = i.project_type;

CREATE TEMP VIEW scenario_rows AS
SELECT s.*, i.attributable_days, i.rate_basis, i.flat_rate_cents, i.flat_rate_cents__half,
    i.complement_non_av_cents, d.av_eligible_cents, d.av_eligible_cents__half, d.non_av_cents, d.non_av_cents__half,
    'scenario_published:' || (s.share_bp / 100) || ':' || s.project_type || ':' AS key_prefix,
    'scenario_published.csv, ' || (s.share_bp / 100) || ' % ' || s.project_type || ', ' AS where_printed
FROM scenario_published s
LEFT JOIN scenario_inputs i ON i.report_year = s.report_year AND i.project_type = s.project_type
LEFT JOIN shooting_spend_per_day d ON d.report_year = s.report_year AND d.work_type = i.measured_work_type;

-- Spend per day: a flat rate, or the measured eligible part × the share + the non-AV part; the
-- inputs are rounded to the cent, hence their half-cents (× 10 in thousandths).
SELECT report_year, key_prefix || 'per_day' AS check_key, where_printed || 'spend per day' AS description,
    'millieur' AS unit, per_day_printed_millieur AS printed,
    CASE WHEN rate_basis = 'flat' THEN flat_rate_cents * 10.0
         ELSE (av_eligible_cents * share_bp / 10000.0 + non_av_cents) * 10 END AS computed,
    per_day_printed_millieur__half + CASE WHEN rate_basis = 'flat' THEN flat_rate_cents__half * 10
         ELSE (av_eligible_cents__half * share_bp / 10000.0 + non_av_cents__half) * 10 END AS tolerance
FROM scenario_rows;

SELECT report_year, key_prefix || 'days' AS check_key, where_printed || 'days' AS description, 'n' AS unit,
    days AS printed, attributable_days AS computed, 0 AS tolerance
FROM scenario_rows;

SELECT report_year, key_prefix || 'days_spend' AS check_key, where_printed || 'days × spend per day' AS description,
    'cents' AS unit, days_spend_cents AS printed, days * per_day_printed_millieur / 10.0 AS computed,
    days_spend_cents__half + days * per_day_printed_millieur__half / 10.0 AS tolerance
FROM scenario_rows;

SELECT report_year, key_prefix || 'complement' AS check_key, where_printed || 'complement' AS description,
    'cents' AS unit, complement_cents AS printed, complement_non_av_cents AS computed, 0 AS tolerance
FROM scenario_rows;

SELECT report_year, key_prefix || 'total' AS check_key, where_printed || 'total' AS description, 'cents' AS unit,
    total_cents AS printed, days_spend_cents + complement_cents AS computed, 0 AS tolerance
FROM scenario_rows;

CREATE TEMP VIEW scenario_sums AS
SELECT t.*, COUNT(s.project_type) AS n, SUM(s.days) AS sum_days, SUM(s.days_spend_cents) AS sum_days_spend,
    SUM(s.days_spend_cents__half) AS half_days_spend, SUM(s.complement_cents) AS sum_complement,
    SUM(s.complement_cents__half) AS half_complement, SUM(s.total_cents) AS sum_total,
    SUM(s.total_cents__half) AS half_total,
    'scenario_published_totals:' || (t.share_bp / 100) || ':' AS key_prefix,
    'scenario_published_totals.csv, ' || (t.share_bp / 100) || ' %, ' AS where_printed
FROM scenario_published_totals t
LEFT JOIN scenario_published s ON s.report_year = t.report_year AND s.share_bp = t.share_bp
GROUP BY t.report_year, t.share_bp;

SELECT report_year, key_prefix || 'days' AS check_key, where_printed || 'days' AS description, 'n' AS unit,
    days AS printed, sum_days AS computed, 0 AS tolerance
FROM scenario_sums;

SELECT report_year, key_prefix || 'days_spend' AS check_key, where_printed || 'days spend' AS description,
    'cents' AS unit, days_spend_cents AS printed, sum_days_spend AS computed,
    days_spend_cents__half + half_days_spend AS tolerance
FROM scenario_sums;

SELECT report_year, key_prefix || 'complement' AS check_key, where_printed || 'complement' AS description,
    'cents' AS unit, complement_cents AS printed, sum_complement AS computed,
    complement_cents__half + half_complement AS tolerance
FROM scenario_sums;

SELECT report_year, key_prefix || 'total' AS check_key, where_printed || 'total' AS description, 'cents' AS unit,
    total_cents AS printed, sum_total AS computed, total_cents__half + half_total AS tolerance
FROM scenario_sums;

-- Carbon: the footprint statements (other than the mean) cover every measured project, the mean
-- covers them all, and the lower bounds can hold together with the mean's upper bound.
SELECT r.report_year, 'carbon_footprints:statements:projects' AS check_key,
    'carbon_footprints.csv, projects covered by the statements' AS description, 'n' AS unit,
    (SELECT SUM(f.projects_count) FROM carbon_footprints f
     WHERE f.report_year = r.report_year AND f.relation <> 'mean') AS printed,
    (SELECT COUNT(DISTINCT p.project_no) FROM carbon_shoots p WHERE p.report_year = r.report_year) AS computed, 0 AS tolerance
FROM reports r;

SELECT f.report_year, 'carbon_footprints:' || f.statement_id || ':projects' AS check_key,
    'carbon_footprints.csv, projects in the mean' AS description, 'n' AS unit, f.projects_count AS printed,
    (SELECT COUNT(DISTINCT p.project_no) FROM carbon_shoots p WHERE p.report_year = f.report_year) AS computed, 0 AS tolerance
FROM carbon_footprints f
WHERE f.relation = 'mean';

-- Printed: the least total the statements allow; computed: it, capped by the mean's upper bound.
SELECT m.report_year, 'carbon_footprints:' || m.statement_id || ':feasible' AS check_key,
    'carbon_footprints.csv, lower bounds vs mean' AS description, 'n' AS unit, low.value AS printed,
    MIN(low.value, m.upper_tco2e * m.projects_count) AS computed, 0 AS tolerance
FROM carbon_footprints m
JOIN (SELECT report_year, SUM(projects_count * lower_tco2e) AS value FROM carbon_footprints
      WHERE relation <> 'mean' GROUP BY report_year) low ON low.report_year = m.report_year
WHERE m.relation = 'mean' AND m.upper_tco2e IS NOT NULL;

-- Directors: persons against the works' director lists ('all' = every work), groups of a scope
-- against its total, the 'all' scope against the sum of the sector scopes, shares and averages.
SELECT s.report_year, 'directors_summary:' || s.scope || ':total:all:persons' AS check_key,
    'directors_summary.csv, ' || s.scope || ', persons vs work_directors.csv' AS description, 'n' AS unit,
    s.persons AS printed,
    (SELECT COUNT(*) FROM work_directors d JOIN works w ON w.report_year = d.report_year AND w.work_id = d.work_id
     WHERE d.report_year = s.report_year AND (s.scope = 'all' OR w.sector = s.scope)) AS computed,
    0 AS tolerance
FROM directors_summary s
WHERE s.group_kind = 'total';

CREATE TEMP VIEW director_groups AS
SELECT t.report_year, t.scope, g.group_kind, t.persons, t.amount_cents, SUM(g.persons) AS sum_persons,
    SUM(g.amount_cents) AS sum_amount
FROM directors_summary t
JOIN directors_summary g ON g.report_year = t.report_year AND g.scope = t.scope AND g.group_kind <> 'total'
WHERE t.group_kind = 'total'
GROUP BY t.report_year, t.scope, g.group_kind, t.persons, t.amount_cents;

SELECT report_year, 'directors_summary:' || scope || ':total:all:' || group_kind || '_persons' AS check_key,
    'directors_summary.csv, ' || scope || ', persons by ' || group_kind AS description, 'n' AS unit,
    persons AS printed, sum_persons AS computed, 0 AS tolerance
FROM director_groups;

-- Amounts add up by nationality only: a project co-directed by a man and a woman is in both gender rows.
SELECT report_year, 'directors_summary:' || scope || ':total:all:' || group_kind || '_amount' AS check_key,
    'directors_summary.csv, ' || scope || ', amounts by ' || group_kind AS description, 'cents' AS unit,
    amount_cents AS printed, sum_amount AS computed, 0 AS tolerance
FROM director_groups
WHERE group_kind = 'nationality';

SELECT s.report_year, 'directors_summary:' || s.scope || ':' || s.group_kind || ':' || s.group_key || ':persons_share'
    AS check_key, 'directors_summary.csv, ' || s.scope || ' ' || s.group_key || ', persons share' AS description,
    'bp' AS unit, s.persons_share_printed_bp AS printed, s.persons * 10000.0 / NULLIF(t.persons, 0) AS computed,
    s.persons_share_printed_bp__half AS tolerance
FROM directors_summary s
LEFT JOIN directors_summary t ON t.report_year = s.report_year AND t.scope = s.scope AND t.group_kind = 'total';

SELECT report_year, 'directors_summary:' || scope || ':' || group_kind || ':' || group_key || ':average' AS check_key,
    'directors_summary.csv, ' || scope || ' ' || group_key || ', average' AS description, 'cents' AS unit,
    average_per_project_cents AS printed, amount_cents * 1.0 / projects AS computed,
    average_per_project_cents__half AS tolerance
FROM directors_summary
WHERE projects <> 0;

CREATE TEMP VIEW director_sectors AS
SELECT a.*, COALESCE(SUM(s.persons), 0) AS sum_persons, COALESCE(SUM(s.amount_cents), 0) AS sum_amount,
    SUM(s.projects) AS sum_projects,
    'directors_summary:all:' || a.group_kind || ':' || a.group_key || ':sectors_' AS key_prefix,
    'directors_summary.csv, all ' || a.group_key || ' vs the sum of the sector scopes, ' AS where_printed
FROM directors_summary a
LEFT JOIN directors_summary s ON s.report_year = a.report_year AND s.scope <> 'all'
    AND s.group_kind = a.group_kind AND s.group_key = a.group_key
WHERE a.scope = 'all'
GROUP BY a.report_year, a.group_kind, a.group_key;

SELECT report_year, key_prefix || 'persons' AS check_key, where_printed || 'persons' AS description, 'n' AS unit,
    persons AS printed, sum_persons AS computed, 0 AS tolerance
FROM director_sectors;

SELECT report_year, key_prefix || 'amount' AS check_key, where_printed || 'amount' AS description,
    'cents' AS unit, amount_cents AS printed, sum_amount AS computed, 0 AS tolerance
FROM director_sectors;

SELECT report_year, key_prefix || 'projects' AS check_key, where_printed || 'projects' AS description,
    'n' AS unit, projects AS printed, sum_projects AS computed, 0 AS tolerance
FROM director_sectors;

-- Works and companies since creation: each headline count is the sum of its categories.
SELECT t.report_year, 'catalogue_totals:' || t.kind || ':sum' AS check_key,
    'catalogue_totals.csv, ' || t.kind || ' vs the sum of catalogue_counts.csv' AS description, 'n' AS unit, t.item_count AS printed,
    (SELECT SUM(c.item_count) FROM catalogue_counts c WHERE c.report_year = t.report_year AND c.kind = t.kind)
    AS computed, 0 AS tolerance
FROM catalogue_totals t;

-- TV-format waves: ratio = Walloon spend / invested.
SELECT report_year, 'tv_format_waves:' || wave || ':ratio' AS check_key,
    'tv_format_waves.csv, ' || wave || ', ratio' AS description, 'bp' AS unit, ratio_printed_bp AS printed,
    walloon_spend_cents * 10000.0 / NULLIF(invested_cents, 0) AS computed, ratio_printed_bp__half AS tolerance
FROM tv_format_waves;
