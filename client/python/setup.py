"""Builds the declutter package, generating its gRPC stubs from proto/.

The stubs are generated at build time by protoc with Debian's
grpc_python_plugin (package protobuf-compiler-grpc) into the build folder, so
the tree holds no generated code. Environment: PROTOC and GRPC_PYTHON_PLUGIN
name the tools (default: found on PATH), DECLUTTER_PROTO_DIR the proto folder
(default: ../../proto from here).
"""

import os
import shutil
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import source_digest  # noqa: E402

PROTOS = ["declutter/v1/declutter.proto"]


def tool(env_name, program, package):
    path = os.environ.get(env_name) or shutil.which(program)
    if not path:
        raise SystemExit(
            f"declutter: {program} not found: install Debian's {package} "
            f"(scripts/setup.sh does) or set {env_name}")
    return path


class BuildWithStubs(build_py):
    """build_py, then protoc's Python and gRPC stubs into the build folder."""

    def run(self):
        super().run()
        proto_dir = os.path.abspath(source_digest.proto_dir())
        missing = [p for p in PROTOS if not os.path.isfile(os.path.join(proto_dir, p))]
        if missing:
            raise SystemExit(
                f"declutter: {missing[0]} not found under {proto_dir}: build from "
                "client/python inside the declutter tree, or set DECLUTTER_PROTO_DIR")
        protoc = tool("PROTOC", "protoc", "protobuf-compiler")
        plugin = tool("GRPC_PYTHON_PLUGIN", "grpc_python_plugin", "protobuf-compiler-grpc")
        out = os.path.abspath(self.build_lib)
        os.makedirs(out, exist_ok=True)
        subprocess.run(
            [protoc, f"--proto_path={proto_dir}", f"--python_out={out}",
             f"--grpc_python_out={out}", f"--plugin=protoc-gen-grpc_python={plugin}"]
            + [os.path.join(proto_dir, p) for p in PROTOS],
            check=True)
        with open(os.path.join(out, "declutter", "_source_digest.py"), "w") as f:
            f.write(f'SOURCE_DIGEST = "{source_digest.digest()}"\n')


setup(packages=["declutter", "declutter.v1"], cmdclass={"build_py": BuildWithStubs})
