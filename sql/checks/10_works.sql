-- Reconciliation rules for the works of a report (see dashboard/data/checks.py for the columns
-- every SELECT returns and for the `__half` tolerance columns).

-- ratio = Walloon spend / investment, for every work.
SELECT w.report_year, 'works:' || w.work_id || ':ratio' AS check_key,
    'works.csv, work ' || w.work_id || ' (' || w.title || '), ratio' AS description, 'bp' AS unit,
    w.ratio_printed_bp AS printed, w.walloon_spend_cents * 10000.0 / NULLIF(w.investment_cents, 0) AS computed,
    w.ratio_printed_bp__half AS tolerance
FROM works w;

-- The co-production shares of a work add up to 100 % (each share rounded to its printed digits).
SELECT w.report_year, 'work_countries:' || w.work_id || ':sum' AS check_key,
    'work_countries.csv, work ' || w.work_id || ' (' || w.title || '), sum of co-production shares' AS description,
    'bp' AS unit, COALESCE(SUM(c.share_bp), 0) AS printed, 10000 AS computed,
    COALESCE(SUM(c.share_bp__half), 0) AS tolerance
FROM works w
LEFT JOIN work_countries c ON c.report_year = w.report_year AND c.work_id = w.work_id
GROUP BY w.report_year, w.work_id, w.title;

-- Every aggregate row a report prints about its works, against the works its filters select
-- ('*' = any, 'a|b' = either), and its shares against the works of its table's total row.
CREATE TEMP VIEW aggregate_works AS
SELECT a.report_year, a.table_id, a.row_key, COUNT(w.work_id) AS n,
    COALESCE(SUM(w.investment_cents), 0) AS invested, COALESCE(SUM(w.walloon_spend_cents), 0) AS spend
FROM report_aggregates a
LEFT JOIN works w ON w.report_year = a.report_year
    AND (a.filter_sector = '*' OR instr('|' || a.filter_sector || '|', '|' || w.sector || '|') > 0)
    AND (a.filter_work_type = '*' OR instr('|' || a.filter_work_type || '|', '|' || w.work_type || '|') > 0)
    AND (a.filter_origin = '*' OR instr('|' || a.filter_origin || '|', '|' || w.origin || '|') > 0)
GROUP BY a.report_year, a.table_id, a.row_key;

CREATE TEMP VIEW aggregate_rows AS
SELECT a.*, p.n, p.invested, p.spend, t.n AS whole_n, t.invested AS whole_invested, t.spend AS whole_spend,
    'report_aggregates:' || a.table_id || ':' || a.row_key || ':' AS key_prefix,
    'report_aggregates.csv, ' || a.table_id || ' row ' || a.row_key || ', ' AS where_printed
FROM report_aggregates a
JOIN aggregate_works p ON p.report_year = a.report_year AND p.table_id = a.table_id AND p.row_key = a.row_key
LEFT JOIN aggregate_works t ON t.report_year = a.report_year AND t.table_id = a.table_id
    AND t.row_key IN ('total', 'spend_total');

SELECT report_year, key_prefix || 'count' AS check_key, where_printed || 'works' AS description, 'n' AS unit,
    works_count AS printed, n AS computed, 0 AS tolerance
FROM aggregate_rows;

SELECT report_year, key_prefix || 'investment' AS check_key, where_printed || 'invested' AS description,
    'cents' AS unit, investment_cents AS printed, invested AS computed, investment_cents__half AS tolerance
FROM aggregate_rows;

SELECT report_year, key_prefix || 'spend' AS check_key, where_printed || 'Walloon spend' AS description,
    'cents' AS unit, walloon_spend_cents AS printed, spend AS computed, walloon_spend_cents__half AS tolerance
FROM aggregate_rows;

SELECT report_year, key_prefix || 'ratio' AS check_key, where_printed || 'ratio' AS description, 'bp' AS unit,
    ratio_printed_bp AS printed, spend * 10000.0 / invested AS computed, ratio_printed_bp__half AS tolerance
FROM aggregate_rows
WHERE invested <> 0;

SELECT report_year, key_prefix || 'average' AS check_key, where_printed || 'average investment' AS description,
    'cents' AS unit, average_investment_printed_cents AS printed,
    CASE WHEN n = 0 THEN 0 ELSE invested * 1.0 / n END AS computed,
    average_investment_printed_cents__half AS tolerance
FROM aggregate_rows;

SELECT report_year, key_prefix || 'count_share' AS check_key, where_printed || 'count share' AS description,
    'bp' AS unit, count_share_printed_bp AS printed, n * 10000.0 / NULLIF(whole_n, 0) AS computed,
    count_share_printed_bp__half AS tolerance
FROM aggregate_rows;

SELECT report_year, key_prefix || 'investment_share' AS check_key,
    where_printed || 'investment share' AS description, 'bp' AS unit, investment_share_printed_bp AS printed,
    invested * 10000.0 / NULLIF(whole_invested, 0) AS computed, investment_share_printed_bp__half AS tolerance
FROM aggregate_rows;

SELECT report_year, key_prefix || 'spend_share' AS check_key, where_printed || 'spend share' AS description,
    'bp' AS unit, spend_share_printed_bp AS printed, spend * 10000.0 / NULLIF(whole_spend, 0) AS computed,
    spend_share_printed_bp__half AS tolerance
FROM aggregate_rows;

-- Walloon spend by post: the posts of a sector add up to the Walloon spend of that sector's works
-- ('all' = every work); each post's share is of that spend; a post of 'all' is the sum of the
-- same post in the sector charts. Chart values are rounded: half a unit per value.
CREATE TEMP VIEW post_sectors AS
SELECT p.report_year, p.sector,
    (SELECT SUM(w.walloon_spend_cents) FROM works w
     WHERE w.report_year = p.report_year AND (p.sector = 'all' OR w.sector = p.sector)) AS spend
FROM (SELECT DISTINCT report_year, sector FROM spend_by_post) p;

SELECT p.report_year, 'spend_by_post:' || p.sector || ':sum' AS check_key,
    'spend_by_post.csv, ' || p.sector || ', sum of posts vs the Walloon spend of its works' AS description,
    'cents' AS unit, SUM(p.amount_cents) AS printed, s.spend AS computed, SUM(p.amount_cents__half) AS tolerance
FROM spend_by_post p
JOIN post_sectors s ON s.report_year = p.report_year AND s.sector = p.sector
GROUP BY p.report_year, p.sector, s.spend;

SELECT p.report_year, 'spend_by_post:' || p.sector || ':' || p.post || ':share' AS check_key,
    'spend_by_post.csv, ' || p.sector || ' ' || p.post || ', share' AS description, 'bp' AS unit,
    p.share_printed_bp AS printed, p.amount_cents * 10000.0 / NULLIF(s.spend, 0) AS computed,
    p.share_printed_bp__half AS tolerance
FROM spend_by_post p
JOIN post_sectors s ON s.report_year = p.report_year AND s.sector = p.sector;

SELECT a.report_year, 'spend_by_post:all:' || a.post || ':sectors' AS check_key,
    'spend_by_post.csv, all ' || a.post || ' vs the sector charts' AS description, 'cents' AS unit,
    a.amount_cents AS printed, COALESCE(SUM(p.amount_cents), 0) AS computed,
    a.amount_cents__half + COALESCE(SUM(p.amount_cents__half), 0) AS tolerance
FROM spend_by_post a
LEFT JOIN spend_by_post p ON p.report_year = a.report_year AND p.post = a.post AND p.sector <> 'all'
WHERE a.sector = 'all'
GROUP BY a.report_year, a.post, a.amount_cents, a.amount_cents__half;
