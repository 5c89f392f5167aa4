"""Fetch axe-core (the accessibility engine the browser tests run in every page) from the npm registry.

usage: python scripts/fetch_axe.py DEST_DIR

Downloads the pinned release's tarball, checks its sha256, and writes `axe.min.js` and its `LICENSE` (MPL-2.0) into
DEST_DIR (the Makefile uses .venv/axe-core-<version>/). A test-only tool: nothing of it ships with the app. Needs the
npm registry once; afterwards the file is cached with the virtual environment.
"""

import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
SHA256 = "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745"
MEMBERS = {"package/axe.min.js": "axe.min.js", "package/LICENSE": "LICENSE"}


def main(dest: Path) -> None:
    with urllib.request.urlopen(URL, timeout=60) as response:
        tarball = response.read()
    digest = hashlib.sha256(tarball).hexdigest()
    if digest != SHA256:
        sys.exit(f"axe-core {VERSION}: sha256 {digest} is not the pinned {SHA256}; refusing it")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member, name in MEMBERS.items():
            data = archive.extractfile(member).read()
            (dest / (name + ".part")).write_bytes(data)
            (dest / (name + ".part")).replace(dest / name)
    print(f"axe-core {VERSION} → {dest}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
