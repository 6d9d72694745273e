"""Test support: the real declutter-server binary on free loopback ports, and
certificates for TLS tests made with the openssl command line (as the C++
tests' tests/support/test_server.h and test_certificates.h).

DECLUTTER_SERVER_PATH names the binary (ctest sets it).
"""

import os
import re
import signal
import subprocess
import tempfile
import time
import urllib.request


def _read_port(path):
    try:
        with open(path) as f:
            return int(f.read().strip() or 0)
    except (OSError, ValueError):
        return 0


class ServerProcess:
    """declutter-server started with `flags` (besides --listen, the port files
    and the metrics port). Use as a context manager; stop() ends it."""

    def __init__(self, flags, listen="127.0.0.1:0"):
        self.dir = tempfile.TemporaryDirectory(prefix="declutter_py_")
        port_file = os.path.join(self.dir.name, "port")
        metrics_file = os.path.join(self.dir.name, "metrics_port")
        self.log_path = os.path.join(self.dir.name, "server.log")
        binary = os.environ["DECLUTTER_SERVER_PATH"]
        args = [binary, f"--listen={listen}", f"--port_file={port_file}",
                "--metrics_listen=127.0.0.1:0", f"--metrics_port_file={metrics_file}",
                "--log_pages=false"] + list(flags)
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=self._log)
        self.port = self.metrics_port = 0
        deadline = time.monotonic() + 30  # generous: a loaded 2-core machine, ASan builds
        while time.monotonic() < deadline and not (self.port and self.metrics_port):
            if self.process.poll() is not None:
                raise RuntimeError(f"declutter-server exited {self.process.returncode}: "
                                   f"{self.log()}")
            self.port = _read_port(port_file)
            self.metrics_port = _read_port(metrics_file)
            time.sleep(0.05)
        if not (self.port and self.metrics_port):
            self.stop()
            raise RuntimeError("declutter-server did not report its ports within 30 s")

    @property
    def address(self):
        return f"127.0.0.1:{self.port}"

    def log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def metric(self, name, **labels):
        """The value of one sample of the server's /metrics (0 when absent)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics",
                                    timeout=30) as r:
            text = r.read().decode()
        want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
        for line in text.splitlines():
            m = re.match(r"^(\w+)(?:\{(.*)\})? (\S+)$", line)
            if not m or m.group(1) != name:
                continue
            have = ",".join(sorted((m.group(2) or "").split(","))) if m.group(2) else ""
            if have == want:
                return float(m.group(3))
        return 0.0

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        self.dir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def make_certificates(folder):
    """Writes ca.pem, server.pem/.key (for 127.0.0.1 and localhost) and
    client.pem/.key into `folder`; raises when openssl fails."""
    script = (
        "set -e; openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem "
        "-days 2 -subj /CN=test-ca 2>/dev/null; "
        "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost' > san.ext; "
        "for who in server client; do "
        "openssl req -newkey rsa:2048 -nodes -keyout $who.key -out $who.csr "
        "-subj /CN=$who 2>/dev/null; "
        "openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
        "-out $who.pem -days 2 -extfile san.ext 2>/dev/null; done")
    subprocess.run(["bash", "-c", script], cwd=folder, check=True)
    names = {"ca": "ca.pem", "server_cert": "server.pem", "server_key": "server.key",
             "client_cert": "client.pem", "client_key": "client.key"}
    return {key: os.path.join(folder, name) for key, name in names.items()}
