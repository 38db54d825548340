"""Small po-file steps of scripts/i18n.sh (run with the project's venv: polib).

    i18n_po.py init TEMPLATE.pot OUT.po      new vi.po from the template
    i18n_po.py fill PO FRAGMENT.po...        fill untranslated entries of PO
    i18n_po.py report PO                     count untranslated, check entries

Exit status 1 from ``report`` when entries are untranslated or a translation
lost a placeholder or an HTML tag of its source.
"""

import collections
import re
import sys

import polib

HEADER = {
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}
PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdfr]|%[sdfr]|\{\{.*?\}\}")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b")
SHOWN = 30  # entries listed in a report


def key(entry):
    return (entry.msgctxt, entry.msgid)


def is_done(entry):
    return entry.translated() and "fuzzy" not in entry.flags


def init(template, out):
    pot = polib.pofile(template)
    po = polib.POFile(wrapwidth=79)
    po.header = "Vietnamese translation of the tdkt_emulation addon."
    po.metadata = dict(pot.metadata, **HEADER)
    for entry in pot:
        po.append(entry)
    po.save(out)


def fill(target, fragments):
    po = polib.pofile(target, wrapwidth=79)
    wanted = {key(e): e for e in po if not e.obsolete}
    filled = conflicts = 0
    unknown = []
    for path in fragments:
        for frag in polib.pofile(path):
            if frag.obsolete or not is_done(frag) or not frag.msgid:
                continue
            entry = wanted.get(key(frag))
            if entry is None:
                unknown.append(f"{path.rsplit('/', 1)[-1]}: {frag.msgid[:70]!r}")
            elif not is_done(entry):
                entry.msgstr = frag.msgstr
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                filled += 1
            elif entry.msgstr != frag.msgstr:
                conflicts += 1
    if filled:
        po.save(target)
    print(
        f"i18n-fragments: {filled} entries filled, {conflicts} already translated "
        f"differently in vi.po (kept vi.po's)"
    )
    if unknown:
        print(
            f"i18n-fragments: {len(unknown)} entries match no source string "
            "(stale or mistyped msgid):"
        )
        for line in unknown[:SHOWN]:
            print("   ", line)


def problems(entry):
    """Placeholders and HTML tags of the source that the translation lost."""
    found = []
    for what, pattern in (("placeholders", PLACEHOLDER), ("HTML tags", TAG)):
        src = collections.Counter(pattern.findall(entry.msgid))
        dst = collections.Counter(pattern.findall(entry.msgstr))
        if src != dst:
            found.append(
                f"{what} differ: {sorted(src.elements())} vs {sorted(dst.elements())}"
            )
    return found


def report(path):
    po = polib.pofile(path)
    entries = [e for e in po if not e.obsolete]
    todo = [e for e in entries if not is_done(e)]
    broken = [(e, p) for e in entries if is_done(e) for p in problems(e)]
    header = [f"{k}: {v!r}" for k, v in HEADER.items() if po.metadata.get(k) != v]
    print(
        f"vi.po: {len(entries)} entries, {len(entries) - len(todo)} translated, "
        f"{len(todo)} untranslated"
    )
    for entry in todo[:SHOWN]:
        print("   untranslated:", repr(entry.msgid[:100]))
    if len(todo) > SHOWN:
        print(f"   … and {len(todo) - SHOWN} more")
    for entry, problem in broken:
        print(f"   {problem}: {entry.msgid[:70]!r}")
    for line in header:
        print("   header should have", line)
    return 1 if todo or broken or header else 0


def main(argv):
    command, *args = argv
    if command == "init":
        init(*args)
    elif command == "fill":
        fill(args[0], args[1:])
    elif command == "report":
        return report(*args)
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
