"""Faults while the app runs: the database replaced underneath it, odd URL parameters."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from conftest import run_app


def invested(at) -> str:
    return {m.label: m.value for m in at.metric}["Investi par Wallimage"].replace("\u00a0", " ")


def test_a_rebuilt_database_is_picked_up_without_restart(tmp_path, fixture_db_path, monkeypatch):
    live = tmp_path / "live.sqlite"
    shutil.copy(fixture_db_path, live)
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{live}")
    at = run_app()
    assert invested(at) == "7.094.800,00 €"
    # Replace the file the way the build does (write elsewhere, rename over it).
    replacement = tmp_path / "next.sqlite"
    shutil.copy(fixture_db_path, replacement)
    con = sqlite3.connect(replacement)
    con.execute("UPDATE works SET investment_cents = investment_cents + 10000000 WHERE work_id = 1")
    con.commit()
    con.close()
    os.replace(replacement, live)
    at.run()
    assert not at.exception and not at.error
    assert invested(at) == "7.194.800,00 €"


def test_a_database_deleted_while_running_gives_the_fix(tmp_path, fixture_db_path, monkeypatch):
    live = tmp_path / "live.sqlite"
    shutil.copy(fixture_db_path, live)
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{live}")
    at = run_app()
    assert invested(at) == "7.094.800,00 €"
    live.unlink()
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "make db" in at.error[0].value


@pytest.mark.parametrize(
    "params",
    [
        {"lang": "x" * 5000},
        {"lang": "' OR 1=1 --"},
        {"unknown": "1", "other": "<img src=x onerror=alert(1)>"},
        {"year": "2024; DROP TABLE works"},
    ],
)
def test_odd_url_parameters_are_dropped_with_a_notice(app_env, params):
    at = run_app(params=params)
    assert not at.exception and not at.error
    assert at.info, "a visible notice is expected"
    assert invested(at) == "7.094.800,00 €"
