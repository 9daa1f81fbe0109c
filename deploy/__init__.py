"""Serving many viewers: nginx in front of Streamlit replicas (`make cluster`) and the deployment recipe.

`render.py` turns the templates of `templates/` into nginx and systemd files; `cluster.py` runs them
on this machine (optionally one network namespace per replica, `netns.py`). Both use the same
templates and the same replica command line, so what the tests run is what a server deploys.
"""
