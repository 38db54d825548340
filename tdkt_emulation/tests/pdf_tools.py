"""Helpers of the printout tests: render for real, extract the text."""

import re
import shutil
import subprocess
import tempfile

PDFTOTEXT = shutil.which("pdftotext")
PDFFONTS = shutil.which("pdffonts")


def render_pdf(env, report_ref, records):
    """A real PDF (tests get HTML unless force_report_rendering is set)."""
    content, fmt = (
        env["ir.actions.report"]
        .with_context(force_report_rendering=True)
        ._render_qweb_pdf(report_ref, records.ids)
    )
    assert fmt == "pdf", fmt
    return content


def _poppler(tool, pdf, *args):
    # A failure, not a skip: without poppler the printouts would go unchecked
    # while the suite still looks green.
    assert tool, (
        "poppler-utils (pdftotext, pdffonts) is not installed: the printout "
        "tests need it (scripts/setup.sh installs it)"
    )
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(
            [tool, *args, file.name, "-"] if tool == PDFTOTEXT else [tool, file.name],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout


def pdf_pages(pdf):
    """Text of each page, in content order (-raw keeps the table's cells in order)."""
    return _poppler(PDFTOTEXT, pdf, "-raw").split("\f")[:-1]


def pdf_top_margin_texts(pdf, page_count, height_pt=56):
    """Text printed in the top margin (first 20 mm) of each page."""
    return [
        _poppler(
            PDFTOTEXT,
            pdf,
            "-f",
            str(page),
            "-l",
            str(page),
            "-x",
            "0",
            "-y",
            "0",
            "-W",
            "595",
            "-H",
            str(height_pt),
        ).strip()
        for page in range(1, page_count + 1)
    ]


def pdf_fonts(pdf):
    return _poppler(PDFFONTS, pdf)


def flat(text):
    """Text on one line, single spaces (no-break spaces too)."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def words(text):
    """Words of a text, without markdown table rules and list dashes."""
    return [w for w in re.findall(r"[^\s|]+", text) if not re.fullmatch(r"[-:]+", w)]
