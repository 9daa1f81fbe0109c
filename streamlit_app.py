"""Entry point of `streamlit run`: runs the frame in dashboard/app.py.

Streamlit treats a `pages/` folder next to the entry script as its old (v1) multipage layout and
then runs a page file directly on some reruns, bypassing the frame (language, database check).
Starting from the repository root keeps st.navigation in charge while the pages stay in
dashboard/pages/ as the product layout requires.
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parent / "dashboard" / "app.py"), run_name="__main__")
