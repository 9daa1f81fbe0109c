-- Wallimage impact dashboard: portable schema (runs unchanged on SQLite and PostgreSQL).
--
-- Conventions
--   * money is exact: integer cents (`*_cents`, BIGINT); per-day rates printed with three
--     decimals are integer thousandths of a euro (`*_millieur`);
--   * percentages are integer basis points (`*_bp`: 651,63 % -> 65163);
--   * `*_printed_*` columns hold a value as the report prints it, which may be rounded or wrong
--     (the build reconciles them and the discrepancies table records every known mismatch);
--   * every fact table carries `source_id` (document + section) and `quality`
--     ('reported', 'derived', 'approximate', 'estimated').
-- The build (dashboard/data/build.py) drops and recreates everything in one transaction.

CREATE TABLE metadata (
    meta_key VARCHAR(40) PRIMARY KEY,
    meta_value TEXT NOT NULL
);

CREATE TABLE sources (
    source_id VARCHAR(40) PRIMARY KEY,
    document_id VARCHAR(40) NOT NULL,
    document_title TEXT NOT NULL,
    -- 'report' (a section of an annual report), 'news', 'history' or 'geodata': how the document is listed.
    document_kind VARCHAR(10) NOT NULL,
    section TEXT NOT NULL,
    -- The section's title in English (the report's own title is French); empty: the French title is shown.
    section_en TEXT,
    locator TEXT,
    seed_file TEXT,
    url TEXT,
    publisher TEXT,
    published TEXT,
    note TEXT
);

-- One row per annual report (the folder dashboard/data/seeds/reports/<year>/ and its report.csv):
-- every table that comes from a report carries its report_year, part of its key.
CREATE TABLE reports (
    report_year INTEGER PRIMARY KEY,
    document_id VARCHAR(40) NOT NULL,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    published TEXT NOT NULL,
    url TEXT,
    seed_file TEXT,
    language VARCHAR(2) NOT NULL,
    -- The report's short name in each language, as citations print it ("<short name> §<section>").
    short_name_fr TEXT NOT NULL,
    short_name_en TEXT NOT NULL
);

CREATE TABLE works (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    sector VARCHAR(20) NOT NULL,
    work_type VARCHAR(20) NOT NULL,
    origin VARCHAR(20) NOT NULL,
    depositary_company TEXT NOT NULL,
    directors TEXT NOT NULL,
    coproduction_role VARCHAR(10) NOT NULL,
    coproduction_printed TEXT NOT NULL,
    investment_cents BIGINT NOT NULL,
    walloon_spend_cents BIGINT NOT NULL,
    ratio_printed_bp INTEGER NOT NULL,
    table_number INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, work_id)
);

CREATE TABLE work_directors (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    director_name TEXT NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, work_id, ordinal),
    FOREIGN KEY (report_year, work_id) REFERENCES works (report_year, work_id)
);

CREATE TABLE work_countries (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    country TEXT NOT NULL,
    share_bp INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, work_id, ordinal),
    FOREIGN KEY (report_year, work_id) REFERENCES works (report_year, work_id)
);

-- Every aggregate row a report prints about its works, with the filter that selects
-- the works it summarises ('*' = any, 'a|b' = either).
CREATE TABLE report_aggregates (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    table_id VARCHAR(40) NOT NULL,
    row_key VARCHAR(60) NOT NULL,
    filter_sector VARCHAR(60) NOT NULL,
    filter_work_type VARCHAR(60) NOT NULL,
    filter_origin VARCHAR(60) NOT NULL,
    works_count INTEGER,
    investment_cents BIGINT,
    walloon_spend_cents BIGINT,
    ratio_printed_bp INTEGER,
    count_share_printed_bp INTEGER,
    investment_share_printed_bp INTEGER,
    spend_share_printed_bp INTEGER,
    average_investment_printed_cents BIGINT,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, table_id, row_key)
);

CREATE TABLE spend_by_post (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    sector VARCHAR(20) NOT NULL,
    post VARCHAR(30) NOT NULL,
    amount_cents BIGINT NOT NULL,
    share_printed_bp INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, sector, post)
);

CREATE TABLE directors_summary (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    scope VARCHAR(20) NOT NULL,
    group_kind VARCHAR(20) NOT NULL,
    group_key VARCHAR(20) NOT NULL,
    persons INTEGER NOT NULL,
    persons_share_printed_bp INTEGER,
    amount_cents BIGINT NOT NULL,
    projects INTEGER,
    average_per_project_cents BIGINT,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, scope, group_kind, group_key)
);

CREATE TABLE shooting_activity (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    project_type VARCHAR(30) NOT NULL,
    dossiers INTEGER NOT NULL,
    dossiers_share_printed_bp INTEGER NOT NULL,
    dossiers_shot INTEGER NOT NULL,
    shooting_days INTEGER NOT NULL,
    days_cofinanced INTEGER NOT NULL,
    days_attributable INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, project_type)
);

CREATE TABLE shooting_activity_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    measure VARCHAR(30) NOT NULL,
    total_value INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, measure)
);

CREATE TABLE shooting_spend_per_day (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_type VARCHAR(30) NOT NULL,
    total_per_day_cents BIGINT NOT NULL,
    av_eligible_cents BIGINT NOT NULL,
    av_share_printed_bp INTEGER NOT NULL,
    non_av_cents BIGINT NOT NULL,
    non_av_share_printed_bp INTEGER NOT NULL,
    chart_total_cents BIGINT NOT NULL,
    cofinanced_projects INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, work_type)
);

CREATE TABLE shooting_spend_per_day_posts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_type VARCHAR(30) NOT NULL,
    ordinal INTEGER NOT NULL,
    post VARCHAR(30) NOT NULL,
    amount_cents BIGINT NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, work_type, ordinal),
    FOREIGN KEY (report_year, work_type) REFERENCES shooting_spend_per_day (report_year, work_type)
);

CREATE TABLE scenario_inputs (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    project_type VARCHAR(30) NOT NULL,
    attributable_days INTEGER NOT NULL,
    rate_basis VARCHAR(10) NOT NULL,
    measured_work_type VARCHAR(30),
    flat_rate_cents BIGINT,
    complement_non_av_cents BIGINT NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, project_type)
);

CREATE TABLE scenario_published (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    share_bp INTEGER NOT NULL,
    project_type VARCHAR(30) NOT NULL,
    days INTEGER NOT NULL,
    per_day_printed_millieur BIGINT NOT NULL,
    days_spend_cents BIGINT NOT NULL,
    complement_cents BIGINT NOT NULL,
    total_cents BIGINT NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, share_bp, project_type)
);

CREATE TABLE scenario_published_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    share_bp INTEGER NOT NULL,
    days INTEGER NOT NULL,
    days_spend_cents BIGINT NOT NULL,
    complement_cents BIGINT NOT NULL,
    total_cents BIGINT NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, share_bp)
);

CREATE TABLE carbon_projects (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    project_no INTEGER NOT NULL,
    kind VARCHAR(20) NOT NULL,
    kind_printed TEXT NOT NULL,
    crew INTEGER NOT NULL,
    shooting_days INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, project_no)
);

-- The report never says which footprint belongs to which project: footprints are statements
-- about how many projects fall near a value, with bounds.
CREATE TABLE carbon_footprints (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    statement_id VARCHAR(20) NOT NULL,
    projects_count INTEGER NOT NULL,
    relation VARCHAR(10) NOT NULL,
    stated_tco2e DOUBLE PRECISION NOT NULL,
    lower_tco2e DOUBLE PRECISION,
    upper_tco2e DOUBLE PRECISION,
    bound_rule VARCHAR(20) NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, statement_id)
);

CREATE TABLE carbon_posts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    post VARCHAR(30) NOT NULL,
    label_printed TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    most_impactful INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, post)
);

CREATE TABLE facts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    fact_id VARCHAR(40) NOT NULL,
    period_year INTEGER NOT NULL,
    topic VARCHAR(20) NOT NULL,
    fact_value DOUBLE PRECISION NOT NULL,
    unit VARCHAR(20) NOT NULL,
    lower_value DOUBLE PRECISION,
    upper_value DOUBLE PRECISION,
    quality VARCHAR(12) NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, fact_id, period_year)
);

CREATE TABLE catalogue_counts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    kind VARCHAR(20) NOT NULL,
    category VARCHAR(40) NOT NULL,
    item_count INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, kind, category)
);

CREATE TABLE catalogue_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    kind VARCHAR(20) NOT NULL,
    item_count INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, kind)
);

CREATE TABLE gaming_agreements (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    agreement_no INTEGER NOT NULL,
    phase VARCHAR(20) NOT NULL,
    project TEXT NOT NULL,
    company TEXT NOT NULL,
    committed_cents BIGINT NOT NULL,
    validated_spend_cents BIGINT NOT NULL,
    ratio_printed_bp INTEGER NOT NULL,
    in_year_call INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, agreement_no)
);

CREATE TABLE gaming_agreement_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    phase VARCHAR(20) NOT NULL,
    agreements INTEGER NOT NULL,
    committed_cents BIGINT NOT NULL,
    validated_spend_cents BIGINT NOT NULL,
    ratio_printed_bp INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, phase)
);

CREATE TABLE gaming_call (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    ordinal INTEGER NOT NULL,
    project TEXT NOT NULL,
    company TEXT NOT NULL,
    investment_cents BIGINT NOT NULL,
    walloon_spend_cents BIGINT NOT NULL,
    ratio_printed_bp INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, ordinal)
);

CREATE TABLE gaming_call_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    projects INTEGER NOT NULL,
    investment_cents BIGINT NOT NULL,
    walloon_spend_cents BIGINT NOT NULL,
    ratio_printed_bp INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, projects)
);

CREATE TABLE tv_format_waves (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    wave VARCHAR(30) NOT NULL,
    period_label TEXT NOT NULL,
    projects INTEGER NOT NULL,
    invested_cents BIGINT NOT NULL,
    disbursed_cents BIGINT,
    walloon_spend_cents BIGINT NOT NULL,
    ratio_printed_bp INTEGER NOT NULL,
    spend_status VARCHAR(12) NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, wave)
);

CREATE TABLE portfolio_companies (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    company_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    portfolio_group VARCHAR(40) NOT NULL,
    category VARCHAR(30) NOT NULL,
    financed_in_year INTEGER NOT NULL,
    entered_in_year INTEGER NOT NULL,
    entered_reason TEXT,
    town TEXT,
    town_source_id VARCHAR(40) REFERENCES sources (source_id),
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, company_id)
);

CREATE TABLE portfolio_memberships (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    sector_list VARCHAR(20) NOT NULL,
    list_number INTEGER NOT NULL,
    company_name TEXT NOT NULL,
    category VARCHAR(30) NOT NULL,
    activity_printed TEXT,
    heading_printed TEXT,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, sector_list, list_number)
);

CREATE TABLE portfolio_outstanding (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    scope VARCHAR(20) NOT NULL,
    row_key VARCHAR(40) NOT NULL,
    outstanding_cents BIGINT NOT NULL,
    outstanding_share_printed_bp INTEGER NOT NULL,
    capital_cents BIGINT NOT NULL,
    loan_cents BIGINT NOT NULL,
    companies INTEGER NOT NULL,
    companies_share_printed_bp INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, scope, row_key)
);

CREATE TABLE enterprise_investments (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    scope VARCHAR(20) NOT NULL,
    row_key VARCHAR(60) NOT NULL,
    amount_cents BIGINT NOT NULL,
    capital_cents BIGINT,
    loan_cents BIGINT,
    companies INTEGER NOT NULL,
    amount_share_printed_bp INTEGER,
    companies_share_printed_bp INTEGER,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, scope, row_key)
);

CREATE TABLE enterprise_returns (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    instrument VARCHAR(10) NOT NULL,
    lent_or_subscribed_cents BIGINT NOT NULL,
    bankruptcy_losses_cents BIGINT NOT NULL,
    repaid_or_sold_cents BIGINT NOT NULL,
    outstanding_cents BIGINT NOT NULL,
    exited_cents BIGINT NOT NULL,
    interest_or_gains_cents BIGINT NOT NULL,
    eif_cover_cents BIGINT NOT NULL,
    net_return_cents BIGINT NOT NULL,
    net_return_printed_bp INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, instrument)
);

CREATE TABLE coproduction_receipts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    row_key VARCHAR(30) NOT NULL,
    receipts_cents BIGINT NOT NULL,
    projects INTEGER NOT NULL,
    share_of_total_printed_bp INTEGER NOT NULL,
    share_of_top_printed_bp INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, row_key)
);

-- Earlier years (HISTORY.md) and other seeds; single years kept apart from multi-year
-- aggregates by `scope`; peer funds kept apart by `fund`.
CREATE TABLE history (
    row_id VARCHAR(30) PRIMARY KEY,
    fund VARCHAR(30) NOT NULL,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL,
    period_label TEXT NOT NULL,
    scope VARCHAR(12) NOT NULL,
    works INTEGER,
    works_printed TEXT NOT NULL,
    invested_cents BIGINT,
    invested_lower_cents BIGINT,
    invested_upper_cents BIGINT,
    invested_printed TEXT NOT NULL,
    spend_cents BIGINT,
    spend_lower_cents BIGINT,
    spend_upper_cents BIGINT,
    spend_printed TEXT NOT NULL,
    ratio_bp INTEGER,
    ratio_lower_bp INTEGER,
    ratio_upper_bp INTEGER,
    ratio_printed TEXT NOT NULL,
    ratio_quality VARCHAR(12),
    quality VARCHAR(12) NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    note TEXT
);

CREATE TABLE towns (
    town VARCHAR(60) PRIMARY KEY,
    geonames_name TEXT NOT NULL,
    country VARCHAR(2) NOT NULL,
    province TEXT NOT NULL,
    region VARCHAR(20) NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    geonames_id INTEGER NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id)
);

-- Coordinates are copied from `towns` at build time (town level, hence 'approximate').
CREATE TABLE places (
    place_id VARCHAR(40) PRIMARY KEY,
    name TEXT NOT NULL,
    kind VARCHAR(30) NOT NULL,
    town VARCHAR(60) NOT NULL REFERENCES towns (town),
    status VARCHAR(10) NOT NULL,
    portfolio_company TEXT,
    description_fr TEXT NOT NULL,
    description_en TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    coordinate_precision VARCHAR(10) NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT
);

CREATE TABLE discrepancies (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    discrepancy_id VARCHAR(60) NOT NULL,
    topic VARCHAR(20) NOT NULL,
    value_a TEXT NOT NULL,
    source_a VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    value_b TEXT NOT NULL,
    source_b VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    description_fr TEXT NOT NULL,
    description_en TEXT NOT NULL,
    shown_fr TEXT NOT NULL,
    shown_en TEXT NOT NULL,
    check_keys TEXT,
    PRIMARY KEY (report_year, discrepancy_id)
);

-- French text of the English free-text values (notes, printed labels of HISTORY.md rows, dates):
-- the query layer shows them in the session language. The build refuses an untranslated value.
CREATE TABLE text_translations (
    text_en TEXT PRIMARY KEY,
    text_fr TEXT NOT NULL
);

CREATE INDEX idx_works_sector ON works (report_year, sector, work_type, origin);
CREATE INDEX idx_work_countries_country ON work_countries (country);
CREATE INDEX idx_places_kind ON places (kind);
