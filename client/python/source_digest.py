"""The digest of everything the installed declutter package is built from.

setup.py stores it in the package (declutter/_source_digest.py), and
scripts/setup.sh compares it with the tree's to reinstall only when something
changed. Run as a script, it prints the tree's digest.
"""

import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def proto_dir():
    """The tree's proto/ folder, or DECLUTTER_PROTO_DIR when set."""
    return os.environ.get("DECLUTTER_PROTO_DIR") or os.path.join(HERE, "..", "..",
                                                                 "proto")


def source_files():
    """The package's sources, its build files and the .proto files, sorted."""
    files = [os.path.join(HERE, name)
             for name in ("setup.py", "pyproject.toml", "source_digest.py")]
    for top in (os.path.join(HERE, "declutter"), os.path.join(proto_dir(), "declutter")):
        for folder, dirs, names in os.walk(top):
            dirs.sort()
            for name in sorted(names):
                generated = name.endswith(("_pb2.py", "_pb2_grpc.py", "_source_digest.py"))
                if name.endswith(".proto") or (name.endswith(".py") and not generated):
                    files.append(os.path.join(folder, name))
    return files


def digest():
    """A sha256 over the relative names and contents of source_files()."""
    h = hashlib.sha256()
    for path in source_files():
        rel = os.path.relpath(path, HERE)
        with open(path, "rb") as f:
            data = f.read()
        h.update(f"{rel}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


if __name__ == "__main__":
    sys.stdout.write(digest() + "\n")
