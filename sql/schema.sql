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
--
-- Descriptions (the open-data package, `make datapackage`, reads them: dashboard/data/tables.py)
--   * a table is described by the comment lines directly above its CREATE TABLE;
--   * a column is described by the comment at the end of its line, in plain English for a
--     journalist. Do not write the unit of a suffixed column: the package exports `*_cents` and
--     `*_millieur` as euros (`*_eur`), `*_bp` as per cent (`*_pct`) and says so, as it says
--     tCO2e for `*_tco2e`;
--   * the columns listed just below, which most tables share, take that description unless
--     their line has its own;
--   * no semicolon in a description (the PostgreSQL build splits statements on them), no year
--     and no section id (tests/test_conventions.py). tests/test_opendata.py names any table or
--     column left without a description.
-- column report_year: Year of the annual report the row comes from (see the reports table).
-- column source_id: Where the value is printed, as the id of a row of the sources table (document and section).
-- column quality: How the values were obtained. reported = printed in the source, derived = computed from printed values, approximate = the source gives it only roughly (see the bounds columns), estimated = our estimate.
-- column note: Remark on the row (what the source says, caveats), in English, empty when there is none.

-- Facts about this database: schema version, data version, when it was built, which reports it holds.
CREATE TABLE metadata (
    meta_key VARCHAR(40) PRIMARY KEY,  -- Name of the fact (schema_version, data_version, built_at, reports, seed_rows).
    meta_value TEXT NOT NULL  -- Its value (built_at is a UTC date and time, reports a comma-separated list of years).
);

-- Every document and section the data cites: each row of every other table names one of these.
CREATE TABLE sources (
    source_id VARCHAR(40) PRIMARY KEY,  -- Identifier of the document section, e.g. the report's id followed by its section number.
    document_id VARCHAR(40) NOT NULL,  -- Identifier of the document the section belongs to.
    document_title TEXT NOT NULL,  -- Title of the document.
    -- 'report' (a section of an annual report), 'news', 'history', 'geodata' or 'outside': how the document is listed.
    document_kind VARCHAR(10) NOT NULL,  -- Kind of document. report = a section of an annual report, news = a news item, history = a public source of earlier years, geodata = map data, outside = a published study or page quoted for comparison.
    section TEXT NOT NULL,  -- Title of the section (or what the document is used for), in French as the report prints it.
    section_en TEXT,  -- The section's title in English, empty when none is given (the French title is then shown).
    locator TEXT,  -- Where the section is in the document's text (lines of the extracted text), when known.
    seed_file TEXT,  -- File of the dashboard's repository holding the document's text or description.
    url TEXT,  -- Web address of the document, when it has one.
    publisher TEXT,  -- Who published the document.
    published TEXT,  -- When the document was published, as the document gives it.
    note TEXT  -- Remark on the source, empty when there is none.
);

-- The annual reports this database holds, one row per report (its folder of seed files and its
-- report.csv): every table that comes from a report carries its report_year, part of its key.
CREATE TABLE reports (
    report_year INTEGER PRIMARY KEY,  -- Year the annual report covers.
    document_id VARCHAR(40) NOT NULL,  -- Identifier of the report as a document (the prefix of its source ids).
    title TEXT NOT NULL,  -- Title of the report.
    publisher TEXT NOT NULL,  -- Who published the report.
    published TEXT NOT NULL,  -- When the report was published.
    url TEXT,  -- Web address of the report, when it has one.
    seed_file TEXT,  -- File of the dashboard's repository holding the report's extracted text.
    language VARCHAR(2) NOT NULL,  -- Language of the report (fr = French).
    -- The report's short name in each language, as citations print it ("<short name> §<section>").
    short_name_fr TEXT NOT NULL,  -- Short name of the report in French, as the dashboard's citations print it.
    short_name_en TEXT NOT NULL  -- Short name of the report in English, as the dashboard's citations print it.
);

-- Every audiovisual work Wallimage co-produced in the report's year, one row per work, as the
-- report's tables list them.
CREATE TABLE works (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_id INTEGER NOT NULL,  -- Number of the work in this dataset (unique within a report).
    title TEXT NOT NULL,  -- Title of the work as the report prints it.
    sector VARCHAR(20) NOT NULL,  -- Sector. live_action, animation or tv_format (TV formats and entertainment).
    work_type VARCHAR(20) NOT NULL,  -- Type of work. feature, series, documentary or format.
    origin VARCHAR(20) NOT NULL,  -- Where the project was initiated. belgium, france or elsewhere.
    depositary_company TEXT NOT NULL,  -- Company that applied to Wallimage for the work.
    directors TEXT NOT NULL,  -- Director or directors, as printed.
    coproduction_role VARCHAR(10) NOT NULL,  -- Whether Belgium is the majority or a minority co-producer (majority or minority).
    coproduction_printed TEXT NOT NULL,  -- The co-producing countries and their shares, as printed.
    investment_cents BIGINT NOT NULL,  -- Amount Wallimage invested in the work.
    walloon_spend_cents BIGINT NOT NULL,  -- Audiovisual spend in Wallonia that the work committed to.
    ratio_printed_bp INTEGER NOT NULL,  -- Walloon spend divided by the investment, as printed.
    table_number INTEGER NOT NULL,  -- Which of the report's tables of works lists the work.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, work_id)
);

-- The directors of each work, one row per director.
CREATE TABLE work_directors (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_id INTEGER NOT NULL,  -- The work (a row of the works table of the same report).
    ordinal INTEGER NOT NULL,  -- Position of the director in the printed list.
    director_name TEXT NOT NULL,  -- Name of the director.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, work_id, ordinal),
    FOREIGN KEY (report_year, work_id) REFERENCES works (report_year, work_id)
);

-- The co-producing countries of each work and their shares, one row per country.
CREATE TABLE work_countries (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_id INTEGER NOT NULL,  -- The work (a row of the works table of the same report).
    ordinal INTEGER NOT NULL,  -- Position of the country in the printed list.
    country TEXT NOT NULL,  -- Co-producing country, in French as printed.
    share_bp INTEGER NOT NULL,  -- The country's share of the co-production.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, work_id, ordinal),
    FOREIGN KEY (report_year, work_id) REFERENCES works (report_year, work_id)
);

-- Every aggregate row a report prints about its works, with the filter that selects
-- the works it summarises ('*' = any, 'a|b' = either).
CREATE TABLE report_aggregates (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    table_id VARCHAR(40) NOT NULL,  -- The report's table or box the row comes from (a source id).
    row_key VARCHAR(60) NOT NULL,  -- Which row of that table (e.g. headline, or a type and origin).
    filter_sector VARCHAR(60) NOT NULL,  -- Sector of the works the row sums up (* = any, a|b = either).
    filter_work_type VARCHAR(60) NOT NULL,  -- Type of the works the row sums up (* = any, a|b = either).
    filter_origin VARCHAR(60) NOT NULL,  -- Origin of the works the row sums up (* = any, a|b = either).
    works_count INTEGER,  -- Number of works, as printed.
    investment_cents BIGINT,  -- Amount invested, as printed.
    walloon_spend_cents BIGINT,  -- Walloon audiovisual spend, as printed.
    ratio_printed_bp INTEGER,  -- Walloon spend divided by the investment, as printed.
    count_share_printed_bp INTEGER,  -- Share of the works counted, as printed.
    investment_share_printed_bp INTEGER,  -- Share of the investment, as printed.
    spend_share_printed_bp INTEGER,  -- Share of the Walloon spend, as printed.
    average_investment_printed_cents BIGINT,  -- Average investment per work, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, table_id, row_key)
);

-- Walloon spend of the co-produced works broken down by post of expenditure.
CREATE TABLE spend_by_post (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    sector VARCHAR(20) NOT NULL,  -- Sector the breakdown covers (all = every sector).
    post VARCHAR(30) NOT NULL,  -- Post of expenditure (shooting, production, post_production, vfx, insurance, casting, writing, animation_studios).
    amount_cents BIGINT NOT NULL,  -- Walloon spend on that post.
    share_printed_bp INTEGER NOT NULL,  -- Share of the sector's Walloon spend, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, sector, post)
);

-- The directors of the co-produced works counted by nationality and gender, with the amounts invested.
CREATE TABLE directors_summary (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    scope VARCHAR(20) NOT NULL,  -- Sector counted (live_action, animation, tv_format or all).
    group_kind VARCHAR(20) NOT NULL,  -- How directors are grouped. total, nationality or gender.
    group_key VARCHAR(20) NOT NULL,  -- The group (e.g. belgian, french, women, men, all).
    persons INTEGER NOT NULL,  -- Number of directors in the group.
    persons_share_printed_bp INTEGER,  -- Share of the directors, as printed.
    amount_cents BIGINT NOT NULL,  -- Amount invested in the works of these directors.
    projects INTEGER,  -- Number of works, when printed.
    average_per_project_cents BIGINT,  -- Average amount per work, when printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, scope, group_kind, group_key)
);

-- Shooting activity supported by Wallimage Tournages, by type of project.
CREATE TABLE shooting_activity (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    project_type VARCHAR(30) NOT NULL,  -- Type of project (e.g. feature_fiction, series_fiction, advertising).
    dossiers INTEGER NOT NULL,  -- Number of projects (dossiers) handled.
    dossiers_share_printed_bp INTEGER NOT NULL,  -- Share of all dossiers, as printed.
    dossiers_shot INTEGER NOT NULL,  -- Number of those projects that shot in Wallonia.
    shooting_days INTEGER NOT NULL,  -- Shooting days in Wallonia.
    days_cofinanced INTEGER NOT NULL,  -- Shooting days of projects Wallimage also co-financed.
    days_attributable INTEGER NOT NULL,  -- Shooting days of projects Wallimage did not co-finance (used by the impact scenarios).
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, project_type)
);

-- Printed totals of the shooting activity.
CREATE TABLE shooting_activity_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    measure VARCHAR(30) NOT NULL,  -- What is totalled (a column of shooting_activity, e.g. dossiers or shooting_days).
    total_value INTEGER NOT NULL,  -- The printed total.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, measure)
);

-- Average spend per shooting day measured on the co-financed projects, by type of work.
CREATE TABLE shooting_spend_per_day (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_type VARCHAR(30) NOT NULL,  -- Type of work (e.g. feature_fiction, series_fiction).
    total_per_day_cents BIGINT NOT NULL,  -- Average spend per shooting day.
    av_eligible_cents BIGINT NOT NULL,  -- Part of it that is audiovisual-eligible spend.
    av_share_printed_bp INTEGER NOT NULL,  -- Audiovisual-eligible share, as printed.
    non_av_cents BIGINT NOT NULL,  -- Part of it that is other spend (hotels, meals, transport and so on).
    non_av_share_printed_bp INTEGER NOT NULL,  -- Share of the other spend, as printed.
    chart_total_cents BIGINT NOT NULL,  -- The total per day as the report's chart prints it (rounded).
    cofinanced_projects INTEGER NOT NULL,  -- Number of co-financed projects the average is measured on.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, work_type)
);

-- The spend per shooting day broken down by post, as the report's charts print it.
CREATE TABLE shooting_spend_per_day_posts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    work_type VARCHAR(30) NOT NULL,  -- Type of work (a row of shooting_spend_per_day of the same report).
    ordinal INTEGER NOT NULL,  -- Position of the post in the chart.
    post VARCHAR(30) NOT NULL,  -- Post of expenditure (e.g. technicians, casting, catering).
    amount_cents BIGINT NOT NULL,  -- Spend per shooting day on that post.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, work_type, ordinal),
    FOREIGN KEY (report_year, work_type) REFERENCES shooting_spend_per_day (report_year, work_type)
);

-- Inputs of the report's shooting-day impact model, by type of project.
CREATE TABLE scenario_inputs (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    project_type VARCHAR(30) NOT NULL,  -- Type of project.
    attributable_days INTEGER NOT NULL,  -- Shooting days of projects Wallimage did not co-finance.
    rate_basis VARCHAR(10) NOT NULL,  -- Which spend per day applies. measured = the average measured for a type of work, flat = a flat rate.
    measured_work_type VARCHAR(30),  -- The type of work whose measured spend per day applies, when rate_basis is measured.
    flat_rate_cents BIGINT,  -- The flat spend per day, when rate_basis is flat.
    complement_non_av_cents BIGINT NOT NULL,  -- Non-audiovisual spend of the co-financed projects, added to every scenario.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, project_type)
);

-- The report's published impact scenarios, one row per scenario and type of project.
CREATE TABLE scenario_published (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    share_bp INTEGER NOT NULL,  -- The scenario, as the share of the attributable days' audiovisual spend counted.
    project_type VARCHAR(30) NOT NULL,  -- Type of project.
    days INTEGER NOT NULL,  -- Attributable shooting days.
    per_day_printed_millieur BIGINT NOT NULL,  -- Spend per day used, as printed.
    days_spend_cents BIGINT NOT NULL,  -- Spend generated by the shooting days in this scenario.
    complement_cents BIGINT NOT NULL,  -- Non-audiovisual spend of the co-financed projects added.
    total_cents BIGINT NOT NULL,  -- Total spend of the scenario for this type of project.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, share_bp, project_type)
);

-- Printed totals of each published impact scenario.
CREATE TABLE scenario_published_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    share_bp INTEGER NOT NULL,  -- The scenario, as the share of the attributable days' audiovisual spend counted.
    days INTEGER NOT NULL,  -- Attributable shooting days.
    days_spend_cents BIGINT NOT NULL,  -- Spend generated by the shooting days.
    complement_cents BIGINT NOT NULL,  -- Non-audiovisual spend of the co-financed projects added.
    total_cents BIGINT NOT NULL,  -- Total spend of the scenario.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, share_bp)
);

-- Carbon calculators (shared by every report): each with the page that describes it.
CREATE TABLE carbon_tools (
    tool VARCHAR(20) PRIMARY KEY,  -- Code of the calculator (e.g. thegreenshot, carbonclap, albert).
    name TEXT NOT NULL,  -- Name of the calculator.
    version TEXT,  -- Version of the calculator the data was produced with, when known.
    publisher TEXT NOT NULL,  -- Who publishes the calculator.
    url TEXT NOT NULL,  -- Address of the page that describes the calculator.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT
);

-- Published benchmarks of film and TV footprints (shared): each a printed average with its bounds,
-- its scope (per shooting day, per hour of content, per production, a share), sample and year.
CREATE TABLE carbon_benchmarks (
    benchmark_id VARCHAR(40) PRIMARY KEY,  -- Identifier of the benchmark.
    study TEXT NOT NULL,  -- Study or review the benchmark comes from.
    scope VARCHAR(20) NOT NULL,  -- What the figure is counted per. per_shooting_day, per_production, per_hour (of content) or share (of a footprint). Figures of different scopes are not comparable.
    unit VARCHAR(20) NOT NULL,  -- Unit of the value and its bounds. tco2e_per_day, tco2e (per production), tco2e_per_hour or pct (per cent).
    benchmark_value DOUBLE PRECISION NOT NULL,  -- The published figure, in the unit of the unit column.
    lower_value DOUBLE PRECISION NOT NULL,  -- Lower bound kept for the figure (the figure itself when it is printed exactly), same unit.
    upper_value DOUBLE PRECISION NOT NULL,  -- Upper bound kept for the figure, same unit.
    sample_size INTEGER,  -- Number of productions the study measured, empty when the source does not say.
    data_period TEXT NOT NULL,  -- Years of the productions measured, as the source gives them.
    published_year INTEGER,  -- Year the study was published, empty when the source does not say.
    label_fr TEXT NOT NULL,  -- What the figure is, in French.
    label_en TEXT NOT NULL,  -- What the figure is, in English.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT
);

-- One row per shoot and calculator result (a forecast and a final footprint are two rows). The
-- footprint is exact (total only), approximate (total with bounds) or not given per shoot (all
-- empty: a report that states its footprints only for groups of shoots, in carbon_footprints).
CREATE TABLE carbon_shoots (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    project_no INTEGER NOT NULL,  -- Number of the shoot in the report's list (a report may not name its shoots).
    stage VARCHAR(10) NOT NULL,  -- Which calculator result the row is. forecast (before the shoot), final (after it) or unstated (the source does not say).
    work_id INTEGER,  -- The supported work the shoot belongs to (see the works table), empty when the report does not say.
    kind VARCHAR(20) NOT NULL,  -- Kind of production (feature, series, tv_unitary, documentary).
    kind_printed TEXT NOT NULL,  -- Kind of production as printed (e.g. LM for a feature film).
    tool VARCHAR(20) NOT NULL REFERENCES carbon_tools (tool),  -- Calculator that produced the footprint (see the carbon_tools table).
    tool_version TEXT,  -- Version of the calculator used for this shoot, when known.
    certification TEXT,  -- Sustainability certification the shoot obtained, when the source names one.
    crew INTEGER NOT NULL,  -- Number of crew members.
    shooting_days INTEGER NOT NULL,  -- Number of shooting days in all.
    shooting_days_wallonia INTEGER,  -- Number of shooting days in Wallonia, when known.
    total_tco2e DOUBLE PRECISION,  -- Carbon footprint of the shoot, empty when the source gives none for this shoot alone.
    lower_tco2e DOUBLE PRECISION,  -- Lower bound of the footprint when it is approximate.
    upper_tco2e DOUBLE PRECISION,  -- Upper bound of the footprint when it is approximate.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, project_no, stage)
);

-- A shoot's footprint by category; the categories of a result sum to its total within rounding.
CREATE TABLE carbon_shoot_categories (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    project_no INTEGER NOT NULL,  -- Number of the shoot (see the carbon_shoots table).
    stage VARCHAR(10) NOT NULL,  -- Which calculator result of the shoot (forecast, final or unstated).
    category VARCHAR(20) NOT NULL,  -- Category of the footprint. travel (people), freight, accommodation, catering, grid_energy, generators_fuel, sets_materials, waste, post_digital (post-production and digital), other.
    tco2e DOUBLE PRECISION NOT NULL,  -- Footprint of the category.
    lower_tco2e DOUBLE PRECISION,  -- Lower bound when the category's footprint is approximate.
    upper_tco2e DOUBLE PRECISION,  -- Upper bound when the category's footprint is approximate.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, project_no, stage, category)
);

-- The carbon footprints of the sample's shoots. The report never says which footprint belongs to
-- which shoot: footprints are statements about how many shoots fall near a value, with bounds.
CREATE TABLE carbon_footprints (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    statement_id VARCHAR(20) NOT NULL,  -- Identifier of the statement (e.g. about_200).
    projects_count INTEGER NOT NULL,  -- How many shoots of the sample the statement is about.
    relation VARCHAR(10) NOT NULL,  -- What the statement says. about = roughly the value, above, below, or mean = the sample's average.
    stated_tco2e DOUBLE PRECISION NOT NULL,  -- Carbon footprint the statement gives, per shoot.
    lower_tco2e DOUBLE PRECISION,  -- Lower bound we keep for that footprint (empty when the statement gives none).
    upper_tco2e DOUBLE PRECISION,  -- Upper bound we keep for that footprint (empty when the statement gives none).
    bound_rule VARCHAR(20) NOT NULL,  -- How the bounds were set. about_10pct = plus or minus 10 per cent for « environ », open_upper or open_lower = one side unbounded, rounded_unit = half a unit either side.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, statement_id)
);

-- The posts of the carbon footprint breakdown, and which ones the report calls the most impactful.
CREATE TABLE carbon_posts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    post VARCHAR(30) NOT NULL,  -- Post of the carbon footprint (e.g. transport, energy).
    label_printed TEXT NOT NULL,  -- Name of the post as printed, in French.
    ordinal INTEGER NOT NULL,  -- Position of the post in the report's chart.
    most_impactful INTEGER NOT NULL,  -- 1 when the report names the post among the most impactful, else 0.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, post)
);

-- Single figures the report states (headline counts, amounts, shares), with bounds when approximate.
CREATE TABLE facts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    fact_id VARCHAR(40) NOT NULL,  -- Identifier of the figure (e.g. works_since_creation).
    period_year INTEGER NOT NULL,  -- Year the figure is about.
    topic VARCHAR(20) NOT NULL,  -- Topic the figure belongs to (e.g. headline, gaming, carbon).
    fact_value DOUBLE PRECISION NOT NULL,  -- The figure, in the unit of the unit column (eur = euros, pct = per cent, tco2e = tonnes of CO2 equivalent, otherwise a count of that unit).
    unit VARCHAR(20) NOT NULL,  -- Unit of the figure (e.g. works, companies, days, eur, pct, tco2e).
    lower_value DOUBLE PRECISION,  -- Lower bound when the figure is approximate, in the same unit.
    upper_value DOUBLE PRECISION,  -- Upper bound when the figure is approximate, in the same unit.
    quality VARCHAR(12) NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    label_fr TEXT NOT NULL,  -- What the figure is, in French.
    label_en TEXT NOT NULL,  -- What the figure is, in English.
    note TEXT,
    PRIMARY KEY (report_year, fact_id, period_year)
);

-- Counts of works and companies supported since Wallimage's creation, by category.
CREATE TABLE catalogue_counts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    kind VARCHAR(20) NOT NULL,  -- What is counted. works or companies.
    category VARCHAR(40) NOT NULL,  -- Category (e.g. live_action_feature, animation_feature, games_ar_vr).
    item_count INTEGER NOT NULL,  -- Number of works or companies in the category.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, kind, category)
);

-- Printed totals of the counts since Wallimage's creation.
CREATE TABLE catalogue_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    kind VARCHAR(20) NOT NULL,  -- What is counted. works or companies.
    item_count INTEGER NOT NULL,  -- The printed total.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, kind)
);

-- Video game agreements (pre-production and production), one row per agreement.
CREATE TABLE gaming_agreements (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    agreement_no INTEGER NOT NULL,  -- Number of the agreement in the report's list.
    phase VARCHAR(20) NOT NULL,  -- Phase financed. preproduction or production.
    project TEXT NOT NULL,  -- Name of the game.
    company TEXT NOT NULL,  -- Company developing it.
    committed_cents BIGINT NOT NULL,  -- Amount Wallimage committed.
    validated_spend_cents BIGINT NOT NULL,  -- Walloon spend validated.
    ratio_printed_bp INTEGER NOT NULL,  -- Validated spend divided by the amount committed, as printed.
    in_year_call INTEGER NOT NULL,  -- 1 when the agreement comes from the report year's call for projects, else 0.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, agreement_no)
);

-- Printed totals of the video game agreements, by phase.
CREATE TABLE gaming_agreement_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    phase VARCHAR(20) NOT NULL,  -- Phase financed. preproduction or production.
    agreements INTEGER NOT NULL,  -- Number of agreements.
    committed_cents BIGINT NOT NULL,  -- Amount Wallimage committed.
    validated_spend_cents BIGINT NOT NULL,  -- Walloon spend validated.
    ratio_printed_bp INTEGER NOT NULL,  -- Validated spend divided by the amount committed, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, phase)
);

-- The video game projects selected by the report year's call for projects.
CREATE TABLE gaming_call (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    ordinal INTEGER NOT NULL,  -- Position of the project in the printed list.
    project TEXT NOT NULL,  -- Name of the game.
    company TEXT NOT NULL,  -- Company developing it.
    investment_cents BIGINT NOT NULL,  -- Amount Wallimage invests.
    walloon_spend_cents BIGINT NOT NULL,  -- Walloon spend the project committed to.
    ratio_printed_bp INTEGER NOT NULL,  -- Walloon spend divided by the investment, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, ordinal)
);

-- Printed totals of the video game call for projects.
CREATE TABLE gaming_call_totals (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    projects INTEGER NOT NULL,  -- Number of projects selected.
    investment_cents BIGINT NOT NULL,  -- Amount Wallimage invests in them.
    walloon_spend_cents BIGINT NOT NULL,  -- Walloon spend they committed to.
    ratio_printed_bp INTEGER NOT NULL,  -- Walloon spend divided by the investment, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, projects)
);

-- The TV formats and entertainment (flux) line, by wave of calls.
CREATE TABLE tv_format_waves (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    wave VARCHAR(30) NOT NULL,  -- The wave of calls (first, or broadcaster_calls for the calls with broadcasters).
    period_label TEXT NOT NULL,  -- Years the wave covers, as printed.
    projects INTEGER NOT NULL,  -- Number of projects.
    invested_cents BIGINT NOT NULL,  -- Amount Wallimage invested.
    disbursed_cents BIGINT,  -- Amount already paid out, when printed.
    walloon_spend_cents BIGINT NOT NULL,  -- Walloon spend.
    ratio_printed_bp INTEGER NOT NULL,  -- Walloon spend divided by the investment, as printed.
    spend_status VARCHAR(12) NOT NULL,  -- Whether the spend is realised or only committed by contract.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, wave)
);

-- The companies in Wallimage's portfolio (capital or loans), one row per company.
CREATE TABLE portfolio_companies (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    company_id INTEGER NOT NULL,  -- Number of the company in this dataset (unique within a report).
    name TEXT NOT NULL,  -- Name of the company as printed.
    portfolio_group VARCHAR(40) NOT NULL,  -- Part of the portfolio that lists it (e.g. live_action, animation, digital).
    category VARCHAR(30) NOT NULL,  -- Activity category (e.g. av_service_provider, technical_means, games_ar_vr).
    financed_in_year INTEGER NOT NULL,  -- 1 when Wallimage financed the company during the report's year, else 0.
    entered_in_year INTEGER NOT NULL,  -- 1 when the company entered the portfolio during the report's year, else 0.
    entered_reason TEXT,  -- Why it entered, when printed.
    town TEXT,  -- Town of the company, when a source gives it.
    town_source_id VARCHAR(40) REFERENCES sources (source_id),  -- Where the town is given (a row of the sources table).
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, company_id)
);

-- The portfolio companies as each sector's printed list gives them, with the printed activity.
CREATE TABLE portfolio_memberships (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    sector_list VARCHAR(20) NOT NULL,  -- The sector list the row comes from (e.g. live_action, animation).
    list_number INTEGER NOT NULL,  -- Number of the company in that list.
    company_name TEXT NOT NULL,  -- Name of the company as printed.
    category VARCHAR(30) NOT NULL,  -- Activity category.
    activity_printed TEXT,  -- The company's activity as printed, in French.
    heading_printed TEXT,  -- The heading the company is listed under, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_year, sector_list, list_number)
);

-- What the portfolio companies still owe or hold (capital and loans outstanding), by category.
CREATE TABLE portfolio_outstanding (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    scope VARCHAR(20) NOT NULL,  -- Sector (live_action, animation, digital, gaming or all).
    row_key VARCHAR(40) NOT NULL,  -- Activity category of the row (or total).
    outstanding_cents BIGINT NOT NULL,  -- Amount outstanding (capital plus loans).
    outstanding_share_printed_bp INTEGER NOT NULL,  -- Share of the sector's amount outstanding, as printed.
    capital_cents BIGINT NOT NULL,  -- Of which capital.
    loan_cents BIGINT NOT NULL,  -- Of which loans.
    companies INTEGER NOT NULL,  -- Number of companies.
    companies_share_printed_bp INTEGER NOT NULL,  -- Share of the sector's companies, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, scope, row_key)
);

-- Wallimage's investments in companies during the report's year, by category.
CREATE TABLE enterprise_investments (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    scope VARCHAR(20) NOT NULL,  -- Sector (live_action, animation, digital, gaming or all).
    row_key VARCHAR(60) NOT NULL,  -- Activity category of the row (or total).
    amount_cents BIGINT NOT NULL,  -- Amount invested (capital plus loans).
    capital_cents BIGINT,  -- Of which capital, when printed.
    loan_cents BIGINT,  -- Of which loans, when printed.
    companies INTEGER NOT NULL,  -- Number of companies.
    amount_share_printed_bp INTEGER,  -- Share of the amount, as printed.
    companies_share_printed_bp INTEGER,  -- Share of the companies, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, scope, row_key)
);

-- Returns on Wallimage's loans and capital since its creation, by instrument.
CREATE TABLE enterprise_returns (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    instrument VARCHAR(10) NOT NULL,  -- loan or capital.
    lent_or_subscribed_cents BIGINT NOT NULL,  -- Amount lent or subscribed.
    bankruptcy_losses_cents BIGINT NOT NULL,  -- Amount lost in bankruptcies.
    repaid_or_sold_cents BIGINT NOT NULL,  -- Amount repaid or sold.
    outstanding_cents BIGINT NOT NULL,  -- Amount still outstanding.
    exited_cents BIGINT NOT NULL,  -- Amount exited (repaid or sold, plus losses).
    interest_or_gains_cents BIGINT NOT NULL,  -- Interest received or capital gains.
    eif_cover_cents BIGINT NOT NULL,  -- Cover received from the European Investment Fund's guarantee.
    net_return_cents BIGINT NOT NULL,  -- Net return.
    net_return_printed_bp INTEGER NOT NULL,  -- Net return as a share of the amount exited, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, instrument)
);

-- Receipts Wallimage earned from its co-productions, by type of work.
CREATE TABLE coproduction_receipts (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    row_key VARCHAR(30) NOT NULL,  -- Type of work (e.g. animation, live_action_series) or total.
    receipts_cents BIGINT NOT NULL,  -- Receipts earned.
    projects INTEGER NOT NULL,  -- Number of projects that earned them.
    share_of_total_printed_bp INTEGER NOT NULL,  -- Share of all receipts, as printed.
    share_of_top_printed_bp INTEGER NOT NULL,  -- Share of the receipts of the top rows, as printed.
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT,
    PRIMARY KEY (report_year, row_key)
);

-- Figures of earlier years and of peer funds, from public sources cited row by row (HISTORY.md),
-- single years kept apart from multi-year totals by `scope`, peer funds apart by `fund`.
CREATE TABLE history (
    row_id VARCHAR(30) PRIMARY KEY,  -- Identifier of the row.
    fund VARCHAR(30) NOT NULL,  -- The fund the figures are about (Wallimage or a peer fund).
    period_start INTEGER NOT NULL,  -- First year of the period.
    period_end INTEGER NOT NULL,  -- Last year of the period (the same as the first for a single year).
    period_label TEXT NOT NULL,  -- The period as printed.
    scope VARCHAR(12) NOT NULL,  -- single_year or multi_year (a total over several years).
    works INTEGER,  -- Number of works supported, when given.
    works_printed TEXT NOT NULL,  -- Number of works as the source prints it.
    invested_cents BIGINT,  -- Amount invested, when given.
    invested_lower_cents BIGINT,  -- Lower bound of the amount invested (the same when exact).
    invested_upper_cents BIGINT,  -- Upper bound of the amount invested (the same when exact).
    invested_printed TEXT NOT NULL,  -- Amount invested as the source prints it.
    spend_cents BIGINT,  -- Walloon (or regional) audiovisual spend, when given.
    spend_lower_cents BIGINT,  -- Lower bound of the spend.
    spend_upper_cents BIGINT,  -- Upper bound of the spend.
    spend_printed TEXT NOT NULL,  -- Spend as the source prints it.
    ratio_bp INTEGER,  -- Spend divided by the amount invested, when given.
    ratio_lower_bp INTEGER,  -- Lower bound of the ratio.
    ratio_upper_bp INTEGER,  -- Upper bound of the ratio.
    ratio_printed TEXT NOT NULL,  -- Ratio as the source prints it.
    ratio_quality VARCHAR(12),  -- How the ratio was obtained (reported or derived).
    quality VARCHAR(12) NOT NULL,
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    note TEXT
);

-- Towns where places are located, with their coordinates from GeoNames (CC BY 4.0).
CREATE TABLE towns (
    town VARCHAR(60) PRIMARY KEY,  -- Name of the town as the dashboard spells it (French).
    geonames_name TEXT NOT NULL,  -- Name of the town in GeoNames.
    country VARCHAR(2) NOT NULL,  -- Country code (BE = Belgium).
    province TEXT NOT NULL,  -- Province the town lies in (Natural Earth's English name).
    region VARCHAR(20) NOT NULL,  -- Region (Walloon, Flemish or Brussels).
    latitude DOUBLE PRECISION NOT NULL,  -- Latitude of the town centre, in degrees (WGS84).
    longitude DOUBLE PRECISION NOT NULL,  -- Longitude of the town centre, in degrees (WGS84).
    geonames_id INTEGER NOT NULL,  -- Identifier of the place in GeoNames (https://www.geonames.org/<id>).
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id)
);

-- Studios, companies, shooting locations, offices and festivals the sources locate, placed at
-- their town's centre (coordinates copied from `towns` at build time, hence 'approximate').
CREATE TABLE places (
    place_id VARCHAR(40) PRIMARY KEY,  -- Identifier of the place.
    name TEXT NOT NULL,  -- Name of the place.
    kind VARCHAR(30) NOT NULL,  -- Kind of place (animation_studio, postproduction_technical, studio_for_hire, production_company, shooting_location, wallimage_office, festival_event).
    town VARCHAR(60) NOT NULL REFERENCES towns (town),  -- Town the place is in (a row of the towns table).
    status VARCHAR(10) NOT NULL,  -- active or closed.
    portfolio_company TEXT,  -- Name of the matching company of Wallimage's portfolio, when there is one.
    description_fr TEXT NOT NULL,  -- What the place is, in French.
    description_en TEXT NOT NULL,  -- What the place is, in English.
    latitude DOUBLE PRECISION NOT NULL,  -- Latitude of the place's town centre, in degrees (WGS84).
    longitude DOUBLE PRECISION NOT NULL,  -- Longitude of the place's town centre, in degrees (WGS84).
    coordinate_precision VARCHAR(10) NOT NULL,  -- How precise the coordinates are (town = the town centre, not the address).
    source_id VARCHAR(40) NOT NULL REFERENCES sources (source_id),
    quality VARCHAR(12) NOT NULL,
    note TEXT
);

-- The report's internal inconsistencies: two places of the report that give two values for the
-- same thing, both kept, with what the dashboard shows.
CREATE TABLE discrepancies (
    report_year INTEGER NOT NULL REFERENCES reports (report_year),
    discrepancy_id VARCHAR(60) NOT NULL,  -- Identifier of the inconsistency.
    topic VARCHAR(20) NOT NULL,  -- Topic (e.g. investment, works, scenarios).
    value_a TEXT NOT NULL,  -- The first value, as printed.
    source_a VARCHAR(40) NOT NULL REFERENCES sources (source_id),  -- Where the first value is printed (a row of the sources table).
    value_b TEXT NOT NULL,  -- The second value, as printed.
    source_b VARCHAR(40) NOT NULL REFERENCES sources (source_id),  -- Where the second value is printed (a row of the sources table).
    description_fr TEXT NOT NULL,  -- What disagrees, in French.
    description_en TEXT NOT NULL,  -- What disagrees, in English.
    shown_fr TEXT NOT NULL,  -- What the dashboard shows, in French.
    shown_en TEXT NOT NULL,  -- What the dashboard shows, in English.
    check_keys TEXT,  -- The build's reconciliation checks this inconsistency explains, when any.
    PRIMARY KEY (report_year, discrepancy_id)
);

-- The French text of every English free text of the data (notes, labels, dates), as the dashboard
-- shows it in French (the build refuses an English text without one).
CREATE TABLE text_translations (
    text_en TEXT PRIMARY KEY,  -- An English text of the data (a note, a label, a date).
    text_fr TEXT NOT NULL  -- Its French translation, as the dashboard shows it.
);

CREATE INDEX idx_works_sector ON works (report_year, sector, work_type, origin);
CREATE INDEX idx_work_countries_country ON work_countries (country);
CREATE INDEX idx_places_kind ON places (kind);
