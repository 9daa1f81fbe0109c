"""Several hosts, simulated: one network namespace per replica, joined to this host by a veth pair.

Namespace `wlm<pid>n<i>` holds the replica's end of a veth pair (`wlm<pid>p<i>`, 10.231.N.4i+2/30);
this host keeps the other end (`wlm<pid>h<i>`, 10.231.N.4i+1/30), where nginx reaches the replica.
The namespace has no route anywhere else: a replica there can reach only nginx's side of its link,
as a back-end server behind a proxy. N is a /24 no interface uses yet. Every name carries the pid of
the process that created it, so leftovers of a run that was killed (SIGKILL skips cleanup) are
recognised and removed by the next run (`remove_stale`); `Namespaces` removes its own on exit,
failure included.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from contextlib import suppress

IP = shutil.which("ip") or "/usr/sbin/ip"
PREFIX = "wlm"
SUBNET = "10.231"
NAME = re.compile(rf"^{PREFIX}(\d+)[nhp](\d+)$")


def ip(*args: str, check: bool = True, timeout: float = 20) -> subprocess.CompletedProcess:
    return subprocess.run([IP, *args], capture_output=True, text=True, check=check, timeout=timeout)


def problem() -> str | None:
    """Why namespaces cannot be made here (no privilege, no `ip`), or None when they can."""
    if not os.path.exists(IP):
        return "iproute2 (`ip`) is not installed"
    name = f"{PREFIX}{os.getpid()}n99"
    try:
        done = ip("netns", "add", name, check=False)
        if done.returncode != 0:
            return f"ip netns add failed: {done.stderr.strip()}"
    finally:
        ip("netns", "del", name, check=False)
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale() -> list[str]:
    """Namespaces and links left by runs whose process is gone (they never outlive their creator)."""
    removed = []
    listed = ip("netns", "list", check=False).stdout.split()
    links = re.findall(r"^\d+: ([^:@]+)", ip("-o", "link", "show", check=False).stdout, flags=re.M)
    for name in [*listed, *links]:
        match = NAME.match(name)
        if match and not _alive(int(match.group(1))):
            kind = "netns" if name in listed else "link"
            ip(*(["netns", "del", name] if kind == "netns" else ["link", "del", name]), check=False)
            removed.append(name)
    return removed


def _free_block() -> int:
    """A third octet N such that no interface has an address in 10.231.N.0/24."""
    used = ip("-o", "addr", "show", check=False).stdout
    for block in range(256):
        if f" {SUBNET}.{block}." not in used:
            return block
    raise RuntimeError(f"no free /24 under {SUBNET}.0.0/16")


class Namespaces:
    """`count` namespaces, each with a veth link to this host; removed on exit, failures included."""

    def __init__(self, count: int):
        if not 1 <= count <= 60:
            raise ValueError("1 to 60 namespaces")
        self.count = count
        self.pid = os.getpid()
        self.created: list[str] = []
        self.block = -1

    def name(self, index: int) -> str:
        return f"{PREFIX}{self.pid}n{index}"

    def host_address(self, index: int) -> str:
        """This host's end of the link of namespace `index` (where the replica sees nginx come from)."""
        return f"{SUBNET}.{self.block}.{4 * index + 1}"

    def replica_address(self, index: int) -> str:
        """The address of the replica in namespace `index`, as nginx reaches it."""
        return f"{SUBNET}.{self.block}.{4 * index + 2}"

    def exec_prefix(self, index: int) -> list[str]:
        return [IP, "netns", "exec", self.name(index)]

    def create(self) -> Namespaces:
        remove_stale()
        self.block = _free_block()
        try:
            for index in range(self.count):
                name, host, peer = self.name(index), f"{PREFIX}{self.pid}h{index}", f"{PREFIX}{self.pid}p{index}"
                ip("netns", "add", name)
                self.created.append(name)
                ip("link", "add", host, "type", "veth", "peer", "name", peer)
                self.created.append(host)
                ip("link", "set", peer, "netns", name)
                ip("addr", "add", f"{self.host_address(index)}/30", "dev", host)
                ip("link", "set", host, "up")
                ip("netns", "exec", name, IP, "addr", "add", f"{self.replica_address(index)}/30", "dev", peer)
                ip("netns", "exec", name, IP, "link", "set", peer, "up")
                ip("netns", "exec", name, IP, "link", "set", "lo", "up")
        except BaseException:
            self.remove()
            raise
        return self

    def remove(self) -> None:
        """Delete what this object created (a namespace takes its end of the veth pair with it)."""
        for name in reversed(self.created):
            with suppress(subprocess.SubprocessError, OSError):
                if NAME.match(name) and name[len(PREFIX) + len(str(self.pid))] == "n":
                    ip("netns", "del", name, check=False)
                else:
                    ip("link", "del", name, check=False)
        self.created.clear()

    def __enter__(self) -> Namespaces:
        return self.create()

    def __exit__(self, *exc) -> None:
        self.remove()
