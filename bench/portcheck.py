"""`make serve` checks its port first: a port in use is one sentence, not a traceback after the
first build. Usage: python bench/portcheck.py HOST PORT (exit 1 with the sentence when busy)."""

from __future__ import annotations

import socket
import sys


def port_in_use(host: str, port: int) -> bool:
    """Whether a server listens on host:port (binding as MkDocs' server does, address reuse on)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def main(host: str, port: str) -> int:
    if port_in_use(host, int(port)):
        sys.stderr.write(
            f"Port {port} on {host} is in use (another `make serve`?): stop that server, "
            f"or serve on another port, e.g. make serve PORT={int(port) + 1}\n"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
