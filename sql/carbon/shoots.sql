-- title: Carbon footprint of each shoot and calculator result (every report), with its work and tool
-- note: total, lower and upper are empty when the source gives no footprint for the shoot itself
-- params: none
SELECT
    s.report_year,
    s.project_no,
    s.stage,
    s.work_id,
    w.title AS work_title,
    s.kind,
    s.tool,
    t.name AS tool_name,
    s.tool_version,
    s.certification,
    s.crew,
    s.shooting_days,
    s.shooting_days_wallonia,
    s.total_tco2e,
    s.lower_tco2e,
    s.upper_tco2e,
    w.walloon_spend_cents,
    s.source_id,
    s.quality
FROM carbon_shoots s
JOIN carbon_tools t ON t.tool = s.tool
LEFT JOIN works w ON w.report_year = s.report_year AND w.work_id = s.work_id
ORDER BY s.report_year, s.project_no, s.stage
