-- Reconciliation rules for the company portfolio, the year's enterprise investments and returns
-- (columns and `__half` tolerances: see dashboard/data/checks.py).

-- The portfolio groups of a sector view: the groups of the companies listed in that sector's list.
CREATE TEMP VIEW sector_groups AS
SELECT DISTINCT m.report_year, m.sector_list, c.portfolio_group
FROM portfolio_memberships m
JOIN portfolio_companies c ON c.report_year = m.report_year AND c.name = m.company_name;

CREATE TEMP VIEW outstanding_rows AS
SELECT o.*, t.outstanding_cents AS total_outstanding, t.companies AS total_companies,
    'portfolio_outstanding:' || o.scope || ':' || o.row_key || ':' AS key_prefix,
    'portfolio_outstanding.csv, ' || o.scope || ' ' || o.row_key || ', ' AS where_printed
FROM portfolio_outstanding o
LEFT JOIN portfolio_outstanding t ON t.report_year = o.report_year AND t.scope = o.scope AND t.row_key = 'total';

SELECT report_year, key_prefix || 'split' AS check_key, where_printed || 'capital + loan' AS description,
    'cents' AS unit, outstanding_cents AS printed, capital_cents + loan_cents AS computed, 0 AS tolerance
FROM outstanding_rows;

SELECT report_year, key_prefix || 'share' AS check_key, where_printed || 'share' AS description, 'bp' AS unit,
    outstanding_share_printed_bp AS printed, outstanding_cents * 10000.0 / NULLIF(total_outstanding, 0) AS computed,
    outstanding_share_printed_bp__half AS tolerance
FROM outstanding_rows;

SELECT report_year, key_prefix || 'companies_share' AS check_key, where_printed || 'companies share' AS description,
    'bp' AS unit, companies_share_printed_bp AS printed, companies * 10000.0 / NULLIF(total_companies, 0) AS computed,
    companies_share_printed_bp__half AS tolerance
FROM outstanding_rows;

-- A scope's total row is the sum of its other rows.
CREATE TEMP VIEW outstanding_sums AS
SELECT t.*, SUM(p.outstanding_cents) AS sum_outstanding, SUM(p.capital_cents) AS sum_capital,
    SUM(p.loan_cents) AS sum_loan, SUM(p.companies) AS sum_companies,
    'portfolio_outstanding:' || t.scope || ':total:sum_' AS key_prefix,
    'portfolio_outstanding.csv, ' || t.scope || ' total vs the sum of its rows, ' AS where_printed
FROM portfolio_outstanding t
LEFT JOIN portfolio_outstanding p ON p.report_year = t.report_year AND p.scope = t.scope AND p.row_key <> 'total'
WHERE t.row_key = 'total'
GROUP BY t.report_year, t.scope;

-- A sector view's total is the sum of the overall table's rows for the groups of its companies.
CREATE TEMP VIEW outstanding_views AS
SELECT t.*, SUM(g.outstanding_cents) AS sum_outstanding, SUM(g.capital_cents) AS sum_capital,
    SUM(g.loan_cents) AS sum_loan, SUM(g.companies) AS sum_companies,
    'portfolio_outstanding:' || t.scope || ':total:groups_' AS key_prefix,
    'portfolio_outstanding.csv, ' || t.scope || ' total vs the overall rows of its companies'' groups, '
    AS where_printed
FROM portfolio_outstanding t
LEFT JOIN sector_groups s ON s.report_year = t.report_year AND s.sector_list = t.scope
LEFT JOIN portfolio_outstanding g ON g.report_year = t.report_year AND g.scope = 'all'
    AND g.row_key = s.portfolio_group
WHERE t.row_key = 'total' AND t.scope <> 'all'
    AND EXISTS (SELECT 1 FROM portfolio_companies c WHERE c.report_year = t.report_year)
GROUP BY t.report_year, t.scope;

CREATE TEMP VIEW outstanding_totals AS
SELECT * FROM outstanding_sums
UNION ALL
SELECT * FROM outstanding_views;

SELECT report_year, key_prefix || 'outstanding' AS check_key, where_printed || 'outstanding' AS description,
    'cents' AS unit, outstanding_cents AS printed, sum_outstanding AS computed, 0 AS tolerance
FROM outstanding_totals;

SELECT report_year, key_prefix || 'capital' AS check_key, where_printed || 'capital' AS description,
    'cents' AS unit, capital_cents AS printed, sum_capital AS computed, 0 AS tolerance
FROM outstanding_totals;

SELECT report_year, key_prefix || 'loan' AS check_key, where_printed || 'loan' AS description,
    'cents' AS unit, loan_cents AS printed, sum_loan AS computed, 0 AS tolerance
FROM outstanding_totals;

SELECT report_year, key_prefix || 'companies' AS check_key, where_printed || 'companies' AS description,
    'n' AS unit, companies AS printed, sum_companies AS computed, 0 AS tolerance
FROM outstanding_totals;

-- Companies named: a sector's rows against its company list (by category), the overall rows
-- against the portfolio's companies (by group); every listed company is in the portfolio.
SELECT o.report_year, 'portfolio_outstanding:' || o.scope || ':' || o.row_key || ':listed' AS check_key,
    'portfolio_outstanding.csv, ' || o.scope || ' ' || o.row_key || ', companies vs portfolio_memberships.csv'
    AS description,
    'n' AS unit, o.companies AS printed,
    (SELECT COUNT(*) FROM portfolio_memberships m WHERE m.report_year = o.report_year AND m.sector_list = o.scope
     AND (o.row_key = 'total' OR m.category = o.row_key)) AS computed, 0 AS tolerance
FROM portfolio_outstanding o
WHERE o.scope <> 'all';

SELECT o.report_year, 'portfolio_outstanding:all:' || o.row_key || ':listed' AS check_key,
    'portfolio_outstanding.csv, all ' || o.row_key || ', companies vs portfolio_companies.csv' AS description, 'n' AS unit,
    o.companies AS printed,
    (SELECT COUNT(*) FROM portfolio_companies c WHERE c.report_year = o.report_year
     AND (o.row_key = 'total' OR c.portfolio_group = o.row_key)) AS computed, 0 AS tolerance
FROM portfolio_outstanding o
WHERE o.scope = 'all';

SELECT m.report_year, 'portfolio_memberships:' || m.sector_list || ':' || m.list_number || ':in_portfolio'
    AS check_key, 'portfolio_memberships.csv, ' || m.company_name || ' in portfolio_companies.csv' AS description,
    'n' AS unit, 1 AS printed,
    (SELECT MIN(COUNT(*), 1) FROM portfolio_companies c WHERE c.report_year = m.report_year AND c.name = m.company_name)
    AS computed, 0 AS tolerance
FROM portfolio_memberships m;

-- Returns by instrument: D = A - B - C, E = B + C, H = F + G - B, H / E printed as a percentage;
-- the total row is the sum of the instruments; each outstanding amount is the portfolio's.
SELECT report_year, 'enterprise_returns:' || instrument || ':D' AS check_key,
    'enterprise_returns.csv, ' || instrument || ', D = A - B - C' AS description, 'cents' AS unit,
    outstanding_cents AS printed, lent_or_subscribed_cents - bankruptcy_losses_cents - repaid_or_sold_cents AS computed,
    0 AS tolerance
FROM enterprise_returns;

SELECT report_year, 'enterprise_returns:' || instrument || ':E' AS check_key,
    'enterprise_returns.csv, ' || instrument || ', E = B + C' AS description, 'cents' AS unit,
    exited_cents AS printed, bankruptcy_losses_cents + repaid_or_sold_cents AS computed, 0 AS tolerance
FROM enterprise_returns;

SELECT report_year, 'enterprise_returns:' || instrument || ':H' AS check_key,
    'enterprise_returns.csv, ' || instrument || ', H = F + G - B' AS description, 'cents' AS unit,
    net_return_cents AS printed, interest_or_gains_cents + eif_cover_cents - bankruptcy_losses_cents AS computed,
    0 AS tolerance
FROM enterprise_returns;

SELECT report_year, 'enterprise_returns:' || instrument || ':H_over_E' AS check_key,
    'enterprise_returns.csv, ' || instrument || ', H / E' AS description, 'bp' AS unit,
    net_return_printed_bp AS printed, net_return_cents * 10000.0 / NULLIF(exited_cents, 0) AS computed,
    net_return_printed_bp__half AS tolerance
FROM enterprise_returns;

CREATE TEMP VIEW return_sums AS
SELECT t.*, SUM(p.lent_or_subscribed_cents) AS s_lent, SUM(p.bankruptcy_losses_cents) AS s_losses,
    SUM(p.repaid_or_sold_cents) AS s_repaid, SUM(p.outstanding_cents) AS s_outstanding,
    SUM(p.exited_cents) AS s_exited, SUM(p.interest_or_gains_cents) AS s_interest,
    SUM(p.eif_cover_cents) AS s_eif, SUM(p.net_return_cents) AS s_net
FROM enterprise_returns t
LEFT JOIN enterprise_returns p ON p.report_year = t.report_year AND p.instrument <> 'total'
WHERE t.instrument = 'total'
GROUP BY t.report_year;

SELECT report_year, 'enterprise_returns:total:sum_' || c.name AS check_key,
    'enterprise_returns.csv, total ' || c.name || ' vs the sum of the instruments' AS description, 'cents' AS unit,
    CASE c.name WHEN 'lent_or_subscribed' THEN lent_or_subscribed_cents WHEN 'bankruptcy_losses'
        THEN bankruptcy_losses_cents WHEN 'repaid_or_sold' THEN repaid_or_sold_cents WHEN 'outstanding'
        THEN outstanding_cents WHEN 'exited' THEN exited_cents WHEN 'interest_or_gains' THEN interest_or_gains_cents
        WHEN 'eif_cover' THEN eif_cover_cents WHEN 'net_return' THEN net_return_cents END AS printed,
    CASE c.name WHEN 'lent_or_subscribed' THEN s_lent WHEN 'bankruptcy_losses' THEN s_losses WHEN 'repaid_or_sold'
        THEN s_repaid WHEN 'outstanding' THEN s_outstanding WHEN 'exited' THEN s_exited WHEN 'interest_or_gains'
        THEN s_interest WHEN 'eif_cover' THEN s_eif WHEN 'net_return' THEN s_net END AS computed,
    0 AS tolerance
FROM return_sums
CROSS JOIN (SELECT 'lent_or_subscribed' AS name UNION ALL SELECT 'bankruptcy_losses' UNION ALL
    SELECT 'repaid_or_sold' UNION ALL SELECT 'outstanding' UNION ALL SELECT 'exited' UNION ALL
    SELECT 'interest_or_gains' UNION ALL SELECT 'eif_cover' UNION ALL SELECT 'net_return') c;

SELECT r.report_year, 'enterprise_returns:' || r.instrument || ':vs_portfolio' AS check_key,
    'enterprise_returns.csv, ' || r.instrument || ' outstanding vs portfolio_outstanding.csv all total' AS description,
    'cents' AS unit, r.outstanding_cents AS printed,
    CASE r.instrument WHEN 'capital' THEN p.capital_cents WHEN 'loan' THEN p.loan_cents
        WHEN 'total' THEN p.outstanding_cents END AS computed, 0 AS tolerance
FROM enterprise_returns r
LEFT JOIN portfolio_outstanding p ON p.report_year = r.report_year AND p.scope = 'all' AND p.row_key = 'total'
WHERE EXISTS (SELECT 1 FROM portfolio_outstanding o WHERE o.report_year = r.report_year);

-- A rule comparing with a table the report does not publish (no row of that report) checks nothing.
-- The year's investments: each total row is the sum of its scope's groups (keys without ':'),
-- each overall group the sum of its 'group:category' rows, shares of the total, the sector views
-- against the overall groups of their companies, and the companies flagged as financed.
CREATE TEMP VIEW investment_sums AS
SELECT t.*, SUM(p.amount_cents) AS s_amount, SUM(p.capital_cents) AS s_capital, SUM(p.loan_cents) AS s_loan,
    SUM(p.companies) AS s_companies,
    'enterprise_investments:' || t.scope || ':' || t.row_key || ':sum_' AS key_prefix,
    'enterprise_investments.csv, ' || t.scope || ' ' || t.row_key || ' vs the sum of its rows, ' AS where_printed
FROM enterprise_investments t
JOIN enterprise_investments p ON p.report_year = t.report_year AND p.scope = t.scope AND (
    (t.row_key = 'total' AND p.row_key <> 'total' AND instr(p.row_key, ':') = 0)
    OR (t.row_key <> 'total' AND substr(p.row_key, 1, length(t.row_key) + 1) = t.row_key || ':'))
GROUP BY t.report_year, t.scope, t.row_key;

SELECT report_year, key_prefix || 'amount' AS check_key, where_printed || 'amount' AS description,
    'cents' AS unit, amount_cents AS printed, s_amount AS computed, 0 AS tolerance
FROM investment_sums;

SELECT report_year, key_prefix || 'capital' AS check_key, where_printed || 'capital' AS description,
    'cents' AS unit, capital_cents AS printed, s_capital AS computed, 0 AS tolerance
FROM investment_sums;

SELECT report_year, key_prefix || 'loan' AS check_key, where_printed || 'loan' AS description,
    'cents' AS unit, loan_cents AS printed, s_loan AS computed, 0 AS tolerance
FROM investment_sums;

SELECT report_year, key_prefix || 'companies' AS check_key, where_printed || 'companies' AS description,
    'n' AS unit, companies AS printed, s_companies AS computed, 0 AS tolerance
FROM investment_sums;

SELECT i.report_year, 'enterprise_investments:' || i.scope || ':' || i.row_key || ':share' AS check_key,
    'enterprise_investments.csv, ' || i.scope || ' ' || i.row_key || ', share' AS description, 'bp' AS unit,
    i.amount_share_printed_bp AS printed, i.amount_cents * 10000.0 / NULLIF(t.amount_cents, 0) AS computed,
    i.amount_share_printed_bp__half AS tolerance
FROM enterprise_investments i
LEFT JOIN enterprise_investments t ON t.report_year = i.report_year AND t.scope = i.scope AND t.row_key = 'total';

SELECT i.report_year, 'enterprise_investments:' || i.scope || ':' || i.row_key || ':companies_share' AS check_key,
    'enterprise_investments.csv, ' || i.scope || ' ' || i.row_key || ', companies share' AS description,
    'bp' AS unit, i.companies_share_printed_bp AS printed, i.companies * 10000.0 / NULLIF(t.companies, 0) AS computed,
    i.companies_share_printed_bp__half AS tolerance
FROM enterprise_investments i
LEFT JOIN enterprise_investments t ON t.report_year = i.report_year AND t.scope = i.scope AND t.row_key = 'total';

CREATE TEMP VIEW investment_views AS
SELECT t.*, SUM(g.amount_cents) AS s_amount, SUM(g.companies) AS s_companies,
    'enterprise_investments:' || t.scope || ':total:groups_' AS key_prefix,
    'enterprise_investments.csv, ' || t.scope || ' total vs the overall rows of its companies'' groups, '
    AS where_printed
FROM enterprise_investments t
LEFT JOIN sector_groups s ON s.report_year = t.report_year AND s.sector_list = t.scope
LEFT JOIN enterprise_investments g ON g.report_year = t.report_year AND g.scope = 'all'
    AND g.row_key = s.portfolio_group
WHERE t.row_key = 'total' AND t.scope <> 'all'
    AND EXISTS (SELECT 1 FROM portfolio_companies c WHERE c.report_year = t.report_year)
GROUP BY t.report_year, t.scope;

SELECT report_year, key_prefix || 'amount' AS check_key, where_printed || 'amount' AS description,
    'cents' AS unit, amount_cents AS printed, s_amount AS computed, 0 AS tolerance
FROM investment_views;

SELECT report_year, key_prefix || 'companies' AS check_key, where_printed || 'companies' AS description,
    'n' AS unit, companies AS printed, s_companies AS computed, 0 AS tolerance
FROM investment_views;

SELECT t.report_year, 'enterprise_investments:all:total:financed' AS check_key,
    'enterprise_investments.csv, all total, companies vs those flagged financed_in_year in portfolio_companies.csv'
    AS description, 'n' AS unit, t.companies AS printed,
    (SELECT COUNT(*) FROM portfolio_companies c WHERE c.report_year = t.report_year AND c.financed_in_year = 1)
    AS computed, 0 AS tolerance
FROM enterprise_investments t
WHERE t.scope = 'all' AND t.row_key = 'total'
    AND EXISTS (SELECT 1 FROM portfolio_companies c WHERE c.report_year = t.report_year);
