import functools
import io
import logging
import os
import re
import subprocess
from collections import OrderedDict

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from odoo import api, fields, models
from odoo.tools.pdf import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfFileReader,
    PdfFileWriter,
)

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

# Text size from CSS to PDF. A wkhtmltopdf built against patched Qt, run with
# the official paperformat (dpi 96, zoom 1, no smart shrinking), prints 1 CSS
# pt as 1 pt. The unpatched build (Debian's) ignores --zoom and
# --disable-smart-shrinking and prints 1 CSS px as 0.553 pt instead of 0.75
# (measured on 0.12.6 with A4 and the official margins): its pages get a CSS
# zoom of about 0.75 / 0.553 so that "13pt" in the stylesheet is 13 pt on paper.
UNPATCHED_QT_PT_PER_PX = 0.553
UNPATCHED_QT_ZOOM = 1.355
A4_WIDTH_MM, A4_HEIGHT_MM = 210, 297
# Page numbers: size 13-14, upright, centred in the top margin (Decree 30/2020).
PAGE_NUMBER_SIZE = 13
STAMP_FONT_FILES = (
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/liberation/LiberationSerif-Regular.ttf",
)


@functools.cache
def wkhtmltopdf_has_patched_qt():
    """Whether the wkhtmltopdf binary is built against patched Qt.

    Odoo probes the version at start-up but keeps only the version number;
    the patched builds say so in their version line ("0.12.6 (with patched
    qt)").
    """
    binary = _get_wkhtmltopdf_bin()
    try:
        out = subprocess.run(
            [binary, "--version"], capture_output=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(re.search(rb"patched qt", out, re.IGNORECASE))


@functools.cache
def _stamp_font():
    """Font of the stamped page numbers: Liberation Serif when installed."""
    for path in STAMP_FONT_FILES:
        if os.path.exists(path):
            try:
                pdfmetrics.registerFont(TTFont("TdktLiberationSerif", path))
            except Exception:  # noqa: BLE001 - any font error: use the base font
                _logger.warning("Cannot load the font %s for page numbers", path)
                break
            return "TdktLiberationSerif"
    return "Times-Roman"


# Name of the page-number font in the pages' font resources.
STAMP_FONT_RESOURCE = "/TdktPageNumberFont"


@functools.cache
def _stamp_font_pdf():
    """A one-page PDF holding the page-number font (digits only), by reportlab.

    Only its font object is used: each numbered page gets a few bytes of
    content that show the number in this font (see stamp_page_numbers).
    Subset 0 of a reportlab TrueType font and the standard fonts both encode
    digits as their ASCII codes.
    """
    font = _stamp_font()
    packet = io.BytesIO()
    stamp = canvas.Canvas(
        packet, initialFontName=font, initialFontSize=PAGE_NUMBER_SIZE
    )
    stamp.drawString(0, 0, "0123456789")
    stamp.showPage()
    stamp.save()
    return packet.getvalue()


def _stamp_font_ref():
    """The font object of _stamp_font_pdf(), ready to be copied by a writer."""
    reader = PdfFileReader(io.BytesIO(_stamp_font_pdf()), strict=False)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    return next(iter(fonts.values()))


def _add_stream(writer, data):
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


class _PageNumberStamper:
    """Writes page numbers into the pages of PDF documents, one page at a time.

    Each numbered page keeps its own content untouched (never parsed nor
    re-encoded): its /Contents becomes [q, original streams…, Q + number],
    the number being a few bytes of text in a font shared by every page.
    The cost is a small constant per page, so stamping is linear in the page
    count, and the memory held is the documents themselves.
    """

    def __init__(self, writer, margin_top_mm, margin_left_mm, margin_right_mm):
        self.writer = writer
        self.margins = (margin_top_mm * mm, margin_left_mm * mm, margin_right_mm * mm)
        self.font = _stamp_font()
        self.font_ref = _stamp_font_ref()
        self.save_state = _add_stream(writer, b"q\n")

    def number(self, page, number):
        top, left, right = self.margins
        width = float(page.mediabox.width)
        height = float(page.mediabox.height)
        text = str(number)
        centre = (left + width - right) / 2
        x = centre - pdfmetrics.stringWidth(text, self.font, PAGE_NUMBER_SIZE) / 2
        y = height - top / 2 - PAGE_NUMBER_SIZE / 3
        resources = page.get("/Resources")
        if resources is None:
            resources = page[NameObject("/Resources")] = DictionaryObject()
        fonts = resources.get("/Font")
        if fonts is None:
            fonts = resources[NameObject("/Font")] = DictionaryObject()
        fonts[NameObject(STAMP_FONT_RESOURCE)] = self.font_ref
        contents = page.raw_get("/Contents") if "/Contents" in page else None
        if isinstance(contents, IndirectObject):
            resolved = contents.get_object()
            contents = resolved if isinstance(resolved, ArrayObject) else [contents]
        stamp = (
            f"Q\nq\nBT\n{STAMP_FONT_RESOURCE} {PAGE_NUMBER_SIZE} Tf\n"
            f"1 0 0 1 {x:.3f} {y:.3f} Tm\n({text}) Tj\nET\nQ\n"
        )
        page[NameObject("/Contents")] = ArrayObject(
            [
                self.save_state,
                *(contents or []),
                _add_stream(self.writer, stamp.encode("ascii")),
            ]
        )


def stamp_page_numbers(documents, margin_top_mm, margin_left_mm, margin_right_mm):
    """The documents in one PDF, each with page numbers in its top margin.

    Pages are numbered from 1 within each document but the first page carries
    no number (Decree 30/2020, appendix I). The number is centred over the
    text area, halfway down the top margin. Each document is parsed once and
    each page stamped once; the result is written once.
    """
    if len(documents) == 1:
        reader = PdfFileReader(io.BytesIO(documents[0]), strict=False)
        if len(reader.pages) < 2:
            return documents[0]
        readers = [reader]
    else:
        readers = [
            PdfFileReader(io.BytesIO(document), strict=False) for document in documents
        ]
    writer = PdfFileWriter()
    stamper = _PageNumberStamper(writer, margin_top_mm, margin_left_mm, margin_right_mm)
    for reader in readers:
        for index, page in enumerate(reader.pages):
            if index:
                stamper.number(page, index + 1)
            writer.add_page(page)
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    tdkt_official_document = fields.Boolean(
        string="Official Document (Decree 30/2020)",
        help="Printed in the frame of an administrative document: page "
        "numbers in the top margin from page 2 on, whatever the wkhtmltopdf "
        "build.",
    )

    @api.model
    def _tdkt_css_zoom(self):
        """CSS zoom of official documents for the installed wkhtmltopdf."""
        return 1.0 if wkhtmltopdf_has_patched_qt() else UNPATCHED_QT_ZOOM

    @api.model
    def _tdkt_pagination(self):
        """Text width (mm) and page height (CSS px) for the pagination script.

        Only for wkhtmltopdf without patched Qt, which lays the page out with
        no width at all when scripts run: the text gets a fixed width, a hair
        under the text area so that wkhtmltopdf does not shrink it.
        """
        paperformat = self.env.ref("tdkt_emulation.paperformat_tdkt_official")
        width = A4_WIDTH_MM - paperformat.margin_left - paperformat.margin_right
        height = A4_HEIGHT_MM - paperformat.margin_top - paperformat.margin_bottom
        # CSS px of the zoomed page per mm of paper.
        px_per_mm = 96 / 25.4 * 0.75 / (UNPATCHED_QT_PT_PER_PX * UNPATCHED_QT_ZOOM)
        return {"width_mm": width - 1, "page_height_px": round(height * px_per_mm, 1)}

    @api.model
    def _tdkt_page_header_in_html(self):
        """Whether wkhtmltopdf prints the page numbers of the HTML header."""
        return wkhtmltopdf_has_patched_qt()

    @api.model
    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        report = self._get_report(report_ref) if report_ref else self
        if not report.tdkt_official_document or self._tdkt_page_header_in_html():
            return super()._run_wkhtmltopdf(
                bodies,
                report_ref=report_ref,
                header=header,
                footer=footer,
                landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size,
            )
        # Without patched Qt, wkhtmltopdf ignores the header and footer HTML
        # (so the page numbers the decree requires would be lost) and refuses
        # more than one input document (printing several plans from a list
        # would fail). So: one call per document, page numbers stamped onto
        # each document's PDF, then the documents merged in order.
        paperformat = report.get_paperformat()
        documents = []
        for body in bodies:
            documents.append(
                super()._run_wkhtmltopdf(
                    [body],
                    report_ref=report_ref,
                    landscape=landscape,
                    specific_paperformat_args=specific_paperformat_args,
                    set_viewport_size=set_viewport_size,
                )
            )
        return stamp_page_numbers(
            documents,
            paperformat.margin_top,
            paperformat.margin_left,
            paperformat.margin_right,
        )

    @api.model
    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Issued official documents print from their signed copy.

        The first print after an issue (whoever makes it) renders the PDF and
        archives it on the document; every later print serves that copy, so
        the document the Chief signed does not change. A re-issue starts a new
        revision, whose first print archives a new copy.
        """
        report = self._get_report(report_ref)
        if not report.tdkt_official_document or not res_ids:
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids)
        documents = self.env[report.model].browse(res_ids)
        own_report = getattr(documents, "_tdkt_report", None)
        if not own_report or report != self.env.ref(own_report, False):
            # Another printout of the document (e.g. the movement's roll-up):
            # official frame and page numbers, but it is not the document
            # the signer signed, so no signed copy is served or archived.
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids)
        result = OrderedDict()
        for document in documents:
            if document.id in result:
                continue
            copy = document.signed_pdf_id
            if copy:
                result[document.id] = {
                    "stream": io.BytesIO(copy.raw),
                    "attachment": copy,
                }
                continue
            # One document at a time, so that each one's PDF is its own (to
            # archive it) whatever the outlines of the others.
            streams = super()._render_qweb_pdf_prepare_streams(
                report_ref, data, [document.id]
            )
            stream = streams[document.id]["stream"]
            if not document._tdkt_print_is_draft():
                document._tdkt_archive_signed_pdf(stream.getvalue())
            result[document.id] = streams[document.id]
        return result
