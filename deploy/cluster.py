"""`make cluster`: REPLICAS Streamlit processes behind nginx on http://127.0.0.1:8080, in the foreground.

    python -m deploy.cluster [--replicas N] [--port 8080] [--store sqlite|sqlite-copy|postgres]
                             [--db-url URL] [--netns] [--user nobody] [--state FILE]

Every replica gets the same freshly generated `server.cookieSecret` (in its environment, never in a
file), its own port (loopback) or its own network namespace (`--netns`: address 10.231.N.x, port
8501, see deploy/netns.py), and reads the same data: the SQLite file itself (`sqlite`), a copy of it
per replica (`sqlite-copy`, as separate hosts would hold), or PostgreSQL through the read-only role
(`postgres`, `--db-url`). Run as root, the replicas drop to `--user` (nobody by default), as the
systemd units do. nginx is configured from the same template as the deployment recipe
(deploy/render.py). A replica that dies is restarted after `--restart-delay` seconds (systemd's
Restart=on-failure); Ctrl-C (or SIGTERM) stops nginx and every replica and removes the namespaces.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from deploy import netns
from deploy.render import ROOT, Site, main_config, replica_command, site_config

DEFAULT_DB = ROOT / "dashboard" / "data" / "wallimage.sqlite"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
STORES = ("sqlite", "sqlite-copy", "postgres")
NETNS_PORT = 8501
START_TIMEOUT_S = 120
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the runner dies, even by SIGKILL (nothing outlives it)."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_status(url: str, timeout: float = 2) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def wait_healthy(url: str, deadline: float, process: subprocess.Popen | None = None, what: str = "") -> None:
    while time.monotonic() < deadline:
        if http_status(url) == 200:
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before it was healthy")
        time.sleep(0.25)
    raise RuntimeError(f"{what} not healthy at {url} within {START_TIMEOUT_S} s")


@dataclass
class Replica:
    index: int
    address: str
    port: int
    db_url: str
    home: Path
    process: subprocess.Popen | None = None
    restarts: int = 0
    died_at: float | None = None

    @property
    def name(self) -> str:
        return f"r{self.index + 1}"

    @property
    def base(self) -> str:
        return f"http://{self.address}:{self.port}"


@dataclass
class Cluster:
    """nginx and its replicas, started by `start()` and all stopped by `stop()` (also on failure)."""

    replicas: int = 2
    port: int = 8080
    store: str = "sqlite"
    db_url: str | None = None
    use_netns: bool = False
    user: str | None = None
    run_dir: Path | None = None
    log: object = print
    members: list[Replica] = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    namespaces: netns.Namespaces | None = None
    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- start ---------------------------------------------------------------------------------
    def start(self) -> Cluster:
        if self.store not in STORES:
            raise ValueError(f"store must be one of {STORES}")
        if not 1 <= self.replicas <= 32:
            raise ValueError("1 to 32 replicas")
        if not Path(NGINX).exists():
            raise RuntimeError("nginx is not installed: `make cluster` installs Debian's nginx")
        made_dir = self.run_dir is None
        self.run_dir = Path(tempfile.mkdtemp(prefix="wallimage-cluster-")) if made_dir else Path(self.run_dir)
        self._owns_run_dir = made_dir
        self.run_dir.chmod(0o755)  # the replicas' user must reach its home below
        try:
            if self.use_netns:
                self.namespaces = netns.Namespaces(self.replicas).create()
            self._prepare_replicas()
            for replica in self.members:
                self._spawn(replica)
            deadline = time.monotonic() + START_TIMEOUT_S
            for replica in self.members:
                wait_healthy(f"{replica.base}/_stcore/health", deadline, replica.process, f"replica {replica.name}")
            self._start_nginx()
            wait_healthy(f"{self.base}/_stcore/health", deadline, self.nginx, "nginx")
        except BaseException:
            self.stop()
            raise
        return self

    def _source_db(self) -> Path:
        url = self.db_url or f"sqlite:///{DEFAULT_DB}"
        if not url.startswith("sqlite:///"):
            raise ValueError(f"store {self.store} needs a sqlite:///FILE URL, not {url}")
        path = Path(url.removeprefix("sqlite:///"))
        if not path.is_file():
            raise RuntimeError(f"{path} does not exist: run `make db`")
        return path

    def _prepare_replicas(self) -> None:
        if self.store == "postgres" and not (self.db_url or "").startswith("postgresql"):
            raise ValueError(
                "store postgres needs --db-url postgresql+psycopg2://reader:…@host/db (the read-only role)"
            )
        shared = self._source_db() if self.store == "sqlite" else None
        for index in range(self.replicas):
            home = self.run_dir / "replicas" / f"r{index + 1}"
            home.mkdir(parents=True, exist_ok=True)
            if self.store == "sqlite":
                url = f"sqlite:///{shared}"
            elif self.store == "sqlite-copy":
                copy = home / "wallimage.sqlite"
                shutil.copyfile(self._source_db(), copy)
                copy.chmod(0o444)
                url = f"sqlite:///{copy}"
            else:
                url = self.db_url
            if self.namespaces:
                address, port = self.namespaces.replica_address(index), NETNS_PORT
            else:
                address, port = "127.0.0.1", free_port()
            if self.user:
                shutil.chown(home, self.user)
            self.members.append(Replica(index, address, port, url, home))

    def _spawn(self, replica: Replica) -> None:
        command = replica_command(replica.address, replica.port)
        if self.user:
            command = ["setpriv", f"--reuid={self.user}", f"--regid={self.user_group()}", "--clear-groups"]
            command += ["--pdeathsig=TERM", *replica_command(replica.address, replica.port)]
        if self.namespaces:
            command = [*self.namespaces.exec_prefix(replica.index), *command]
        env = {
            **os.environ,
            "WALLIMAGE_DB_URL": replica.db_url,
            "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret,
            "HOME": str(replica.home),
        }
        log = open(replica.home / "streamlit.log", "ab")  # noqa: SIM115 (the child holds it)
        replica.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the runner, which stops the replicas in order
            preexec_fn=_die_with_parent,
        )
        log.close()
        replica.died_at = None

    def user_group(self) -> str:
        import grp
        import pwd

        return grp.getgrgid(pwd.getpwnam(self.user).pw_gid).gr_name

    def site(self) -> Site:
        return Site(replicas=[(r.address, r.port) for r in self.members], listen=f"127.0.0.1:{self.port}")

    def _start_nginx(self) -> None:
        (self.run_dir / "nginx-temp").mkdir(exist_ok=True)
        (self.run_dir / "wallimage-site.conf").write_text(site_config(self.site()), encoding="utf-8")
        main = self.run_dir / "nginx.conf"
        main.write_text(main_config(self.run_dir), encoding="utf-8")
        command = [NGINX, "-p", str(self.run_dir), "-c", str(main)]
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, timeout=30)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
        log = open(self.run_dir / "nginx.log", "ab")  # noqa: SIM115
        self.nginx = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        log.close()

    # -- while running ---------------------------------------------------------------------------
    def kill_replica(self, index: int, sig: int = signal.SIGKILL) -> None:
        """Kill one replica as a crash would (SIGKILL by default)."""
        replica = self.members[index]
        with suppress(ProcessLookupError):
            os.killpg(replica.process.pid, sig)
        replica.process.wait(timeout=15)
        replica.died_at = time.monotonic()

    def restart_dead(self, delay: float) -> list[str]:
        """Restart replicas that exited more than `delay` seconds ago; returns their names."""
        restarted = []
        now = time.monotonic()
        for replica in self.members:
            if replica.process.poll() is None:
                continue
            if replica.died_at is None:
                replica.died_at = now
                self.log(f"replica {replica.name} exited with {replica.process.returncode}")
            if now - replica.died_at >= delay:
                replica.restarts += 1
                self._spawn(replica)
                restarted.append(replica.name)
                self.log(f"replica {replica.name} restarted ({replica.restarts})")
        return restarted

    def rss(self) -> dict[str, int]:
        """Resident memory (bytes) of each replica's process tree."""
        import psutil

        sizes = {}
        for replica in self.members:
            total = 0
            with suppress(psutil.Error):
                root = psutil.Process(replica.process.pid)
                for process in [root, *root.children(recursive=True)]:
                    with suppress(psutil.Error):
                        total += process.memory_info().rss
            sizes[replica.name] = total
        return sizes

    def state(self) -> dict:
        return {
            "base": self.base,
            "run_dir": str(self.run_dir),
            "store": self.store,
            "netns": self.use_netns,
            "user": self.user,
            "nginx_pid": self.nginx.pid if self.nginx else None,
            "namespaces": [self.namespaces.name(i) for i in range(self.replicas)] if self.namespaces else [],
            "replicas": [
                {
                    "name": r.name,
                    "address": r.address,
                    "port": r.port,
                    "pid": r.process.pid if r.process else None,
                    "alive": bool(r.process and r.process.poll() is None),
                    "restarts": r.restarts,
                    "db_url": r.db_url.split("@")[-1],
                }
                for r in self.members
            ],
        }

    # -- stop ------------------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop nginx, then every replica (SIGTERM, SIGKILL after 10 s), remove namespaces and files."""
        processes = [self.nginx] + [r.process for r in self.members]
        for process in processes:
            if process is not None and process.poll() is None:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for process in processes:
            if process is None:
                continue
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        if self.namespaces:
            self.namespaces.remove()
        if getattr(self, "_owns_run_dir", False) and self.run_dir:
            shutil.rmtree(self.run_dir, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--store", choices=STORES, default="sqlite")
    parser.add_argument(
        "--db-url", default=None, help="sqlite:///FILE (default: the built database) or the PostgreSQL reader URL"
    )
    parser.add_argument("--netns", action="store_true", help="each replica in its own network namespace")
    parser.add_argument("--user", default=None, help="run the replicas as this user (default as root: nobody)")
    parser.add_argument(
        "--restart-delay", type=float, default=2.0, help="seconds before a dead replica is restarted (0: never)"
    )
    parser.add_argument(
        "--state", type=Path, default=None, help="write the cluster's state (pids, addresses) here as JSON"
    )
    parser.add_argument("--duration", type=float, default=0, help="stop after this many seconds (0: at Ctrl-C)")
    args = parser.parse_args(argv)
    user = args.user if args.user is not None else ("nobody" if os.geteuid() == 0 else None)

    def log(text: str) -> None:
        print(f"[cluster {time.strftime('%H:%M:%S')}] {text}", flush=True)

    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    # Ctrl-C even when started in the background of a script (which sets SIGINT to "ignore").
    signal.signal(signal.SIGINT, signal.default_int_handler)
    cluster = Cluster(
        replicas=args.replicas,
        port=args.port,
        store=args.store,
        db_url=args.db_url,
        use_netns=args.netns,
        user=user or None,
        log=log,
    )

    def write_state() -> None:
        if args.state:
            args.state.write_text(json.dumps(cluster.state(), indent=2), encoding="utf-8")

    try:
        log(
            f"starting {args.replicas} replica(s) ({args.store}{', network namespaces' if args.netns else ''}) and nginx"
        )
        cluster.start()
        write_state()
        for replica in cluster.members:
            log(f"{replica.name}: {replica.base} (pid {replica.process.pid})")
        log(f"serving {cluster.base}  (Ctrl-C stops everything)")
        stop_at = time.monotonic() + args.duration if args.duration else None
        while stop_at is None or time.monotonic() < stop_at:
            if cluster.nginx.poll() is not None:
                log(f"nginx exited with {cluster.nginx.returncode}: stopping")
                return 1
            if args.restart_delay and cluster.restart_dead(args.restart_delay):
                write_state()
            elif not args.restart_delay:
                for replica in cluster.members:
                    if replica.process.poll() is not None and replica.died_at is None:
                        replica.died_at = time.monotonic()
                        log(f"replica {replica.name} exited with {replica.process.returncode}")
                        write_state()
            time.sleep(0.5)
    except KeyboardInterrupt:
        log("stopping")
    finally:
        cluster.stop()
        if args.state:
            with suppress(OSError):
                args.state.unlink()
        log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
