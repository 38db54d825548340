# Build tdkt_emulation/README.rst from the readme/ fragments (OCA layout).
# Run from the addon folder: python3 ../scripts/readme_rst.py
import pathlib
import re

root = pathlib.Path("readme")


def conv(md):
    return re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", md)


parts = [
    "=" * 36,
    "Emulation and Commendation (TĐKT)",
    "=" * 36,
    "",
    ".. Generated from readme/*.md; edit those fragments.",
    "",
]
for name, title in [
    ("DESCRIPTION", None),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("CONTRIBUTORS", "Contributors"),
]:
    text = (root / f"{name}.md").read_text().strip()
    if title:
        parts += [title, "=" * len(title), ""]
    parts += [conv(text), ""]
pathlib.Path("README.rst").write_text("\n".join(parts))
