"""Starts the packaged Dateline jar for the scripts that test it from outside (crash, shutdown, webhook restart).

Standard library only. The jar runs in its own working directory (so the default H2 URL, ./data/dateline,
is a fresh database there), on a free port, with an admin token of the script's own: Dateline keeps only
its hash.
"""
import hashlib
import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PackagedJar:
    def __init__(self, jar, work, token, **env):
        self.jar, self.work, self.token = jar, work, token
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, QUARKUS_HTTP_PORT=str(self.port), DATELINE_DEMO_ENABLED="false",
                        QUARKUS_LOG_CONSOLE_JSON_ENABLED="false",
                        DATELINE_ADMIN_TOKEN_HASH=hashlib.sha256(token.encode()).hexdigest(), **env)
        self.log = os.path.join(work, "dateline.log")

    def start(self):
        """Starts the jar and waits until it is ready; the pid goes to work/pid for the caller's cleanup trap."""
        proc = subprocess.Popen(["java", "-jar", self.jar], cwd=self.work, env=self.env,
                                stdout=open(self.log, "a"), stderr=subprocess.STDOUT)
        open(os.path.join(self.work, "pid"), "w").write(str(proc.pid))
        deadline = time.time() + 90
        while time.time() < deadline:
            if proc.poll() is not None:
                sys.exit(f"Dateline exited with {proc.returncode} during start; see {self.log}")
            try:
                if urllib.request.urlopen(self.base + "/q/health/ready", timeout=2).status == 200:
                    return proc
            except Exception:
                pass
            time.sleep(0.3)
        sys.exit("Dateline did not become ready within 90 s")
