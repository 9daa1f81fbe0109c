"""Render the deployment files from `deploy/templates/`, for `make cluster` and for a real server.

    python -m deploy.render --out /tmp/wallimage-deploy --replicas 4 --server-name dashboard.example.be \
        --app-dir /opt/wallimage --db-url 'postgresql+psycopg2://wallimage_reader:…@db.internal/wallimage'

writes `nginx/wallimage.conf` (for /etc/nginx/conf.d/), `systemd/wallimage@.service`,
`systemd/wallimage.target` and `wallimage.env` (0600, a fresh cookie secret: never commit it).
Placeholders are `{{name}}` (nginx itself uses `$`); a missing or unused value is an error.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import secrets
import shlex
from dataclasses import dataclass, field
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"
ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")

# Content-Security-Policy: only the app's own origin. Measured in Chromium on every page through the
# proxy (tests/test_cluster.py records every `securitypolicyviolation`; see the README): Streamlit's
# styles are inline (emotion) → 'unsafe-inline' styles; its protobuf decoder compiles WebAssembly →
# 'wasm-unsafe-eval' (no 'unsafe-eval'); images and downloads are data: and blob: URLs; plotly and
# the map use blob: workers; the websocket goes to the same host ('self' covers ws: there). The one
# inline script of Streamlit's index.html is allowed by its hash, read from the installed Streamlit.
CSP_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {inline_hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]


def inline_script_hashes() -> list[str]:
    """CSP hashes of the inline scripts of the installed Streamlit's index.html."""
    import streamlit

    html = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    ]


def app_script_hashes() -> list[str]:
    """CSP hashes of the app's own inline scripts (st.html with JavaScript): the page's language (one per
    language), the presentation's keys and the print preparation. Static texts: a change of one of them
    changes its hash here, and tests/test_cluster.py records any script the policy refuses."""
    from dashboard.components import presentation, printing, shell
    from dashboard.components.i18n import LANGUAGES

    pages = [shell.LANG_SCRIPT.format(lang=code) for code in LANGUAGES] + [
        presentation.SLIDE_KEYS_JS,
        printing.PRINT_JS,
    ]
    bodies = [body for html in pages for body in re.findall(r"<script>(.*?)</script>", html, flags=re.S)]
    return ["'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'" for body in bodies]


def content_security_policy() -> str:
    hashes = inline_script_hashes() + app_script_hashes()
    return "; ".join(CSP_DIRECTIVES).replace("{inline_hashes}", " ".join(hashes)).replace("  ", " ")


def render(template: str, values: dict[str, object]) -> str:
    """The template file `template` with every `{{name}}` replaced; unknown or unused names are errors."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    wanted = set(PLACEHOLDER.findall(text))
    missing, unused = wanted - values.keys(), values.keys() - wanted
    if missing or unused:
        raise ValueError(f"{template}: missing values {sorted(missing)}, unused values {sorted(unused)}")
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), text)


def replica_command(address: str, port: int | str, app_dir: Path = ROOT) -> list[str]:
    """The command line of one replica: the same for `make cluster` and the systemd unit (port `%i` there)."""
    return [
        str(app_dir / ".venv" / "bin" / "streamlit"),
        "run",
        str(app_dir / "streamlit_app.py"),
        "--server.address",
        address,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ]


@dataclass(frozen=True)
class Site:
    """What the nginx site needs: where it listens, its names, the replicas (address, port)."""

    replicas: list[tuple[str, int]]
    listen: str = "127.0.0.1:8080"
    server_names: str = "127.0.0.1 localhost"
    https: bool = False
    connect_timeout: str = "2s"
    csp: str = field(default_factory=content_security_policy)
    names: list[str] = field(default_factory=list)

    def replica_name(self, index: int) -> str:
        return self.names[index] if self.names else f"r{index + 1}"


def site_config(site: Site) -> str:
    """nginx's site file: affinity, websocket, passive health checks, security headers, host check."""
    if not site.replicas:
        raise ValueError("at least one replica")
    servers = "\n".join(f"    server {address}:{port} max_fails=1 fail_timeout=10s;" for address, port in site.replicas)
    names = "\n".join(
        f'    "~(^|\\s){re.escape(f"{address}:{port}")}$" {site.replica_name(index)};'
        for index, (address, port) in enumerate(site.replicas)
    )
    return render(
        "nginx-site.conf",
        {
            "replica_count": len(site.replicas),
            "upstream_servers": servers,
            "replica_names": names,
            "listen": site.listen,
            "server_names": site.server_names,
            "cookie_flags": "; Secure" if site.https else "",
            "csp": site.csp,
            "connect_timeout": site.connect_timeout,
            "next_upstream_tries": max(2, len(site.replicas)),
        },
    )


def main_config(run_dir: Path) -> str:
    """nginx's main file for `make cluster` (foreground, pid and temp files under `run_dir`)."""
    return render("nginx-main.conf", {"run_dir": run_dir})


def systemd_files(
    *,
    replicas: int,
    first_port: int = 8501,
    replica_address: str = "127.0.0.1",
    app_dir: Path = Path("/opt/wallimage"),
    config_dir: Path = Path("/etc/wallimage"),
    user: str = "wallimage",
    memory_max: str = "1G",
) -> dict[str, str]:
    """The replica unit (a template, instance = port) and the target that wants every replica."""
    ports = [first_port + index for index in range(replicas)]
    unit = render(
        "wallimage@.service",
        {
            "user": user,
            "group": user,
            "app_dir": app_dir,
            "config_dir": config_dir,
            "exec_start": shlex.join(replica_command(replica_address, "%i", app_dir)),
            "memory_max": memory_max,
        },
    )
    target = render(
        "wallimage.target",
        {"replica_count": replicas, "replica_units": " ".join(f"wallimage@{port}.service" for port in ports)},
    )
    return {"wallimage@.service": unit, "wallimage.target": target}


def environment_file(db_url: str, cookie_secret: str | None = None, group: str = "wallimage") -> str:
    """The replicas' environment: the database URL and one cookie secret for all of them."""
    if "\n" in db_url:
        raise ValueError("the database URL holds a line break")
    return render(
        "wallimage.env",
        {"db_url": db_url, "cookie_secret": cookie_secret or secrets.token_hex(32), "group": group},
    )


def write_recipe(out: Path, args: argparse.Namespace) -> list[Path]:
    """Every file of the deployment recipe under `out`; returns the paths written."""
    ports = [args.first_port + index for index in range(args.replicas)]
    site = Site(
        replicas=[(args.replica_address, port) for port in ports],
        listen=args.listen,
        server_names=args.server_name,
        https=args.https,
    )
    files = {Path("nginx") / "wallimage.conf": site_config(site)}
    units = systemd_files(
        replicas=args.replicas,
        first_port=args.first_port,
        replica_address=args.replica_address,
        app_dir=Path(args.app_dir),
        user=args.user,
    )
    files.update({Path("systemd") / name: text for name, text in units.items()})
    files[Path("wallimage.env")] = environment_file(args.db_url, group=args.user)
    written = []
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    (out / "wallimage.env").chmod(0o600)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the files into")
    parser.add_argument("--replicas", type=int, default=2, help="Streamlit processes (about one per core)")
    parser.add_argument("--first-port", type=int, default=8501, help="port of the first replica; the next follow")
    parser.add_argument("--replica-address", default="127.0.0.1", help="address the replicas listen on")
    parser.add_argument("--listen", default="80", help="nginx's listen value (add TLS lines for 443)")
    parser.add_argument("--server-name", default="localhost", help="the host name(s) viewers use")
    parser.add_argument("--https", action="store_true", help="the site is served over HTTPS (Secure cookie)")
    parser.add_argument("--app-dir", default="/opt/wallimage", help="checkout of this repository, with .venv")
    parser.add_argument("--user", default="wallimage", help="the unprivileged user the replicas run as")
    parser.add_argument(
        "--db-url",
        default="sqlite:////opt/wallimage/dashboard/data/wallimage.sqlite",
        help="WALLIMAGE_DB_URL of the replicas (the SQLite file, or PostgreSQL through the read-only role)",
    )
    args = parser.parse_args(argv)
    for path in write_recipe(args.out, args):
        print(path)


if __name__ == "__main__":
    main()
