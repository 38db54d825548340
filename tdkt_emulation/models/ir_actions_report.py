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
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

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


def stamp_page_numbers(pdf_content, margin_top_mm, margin_left_mm, margin_right_mm):
    """Write the page numbers of one document into its top margin.

    Pages are numbered from 1 but the first page carries no number (Decree
    30/2020, appendix I). The number is centred over the text area, halfway
    down the top margin.
    """
    reader = PdfFileReader(io.BytesIO(pdf_content), strict=False)
    pages = reader.pages
    if len(pages) < 2:
        return pdf_content
    font = _stamp_font()
    packet = io.BytesIO()
    stamp = canvas.Canvas(packet)
    for index, page in enumerate(pages):
        width = float(page.mediabox.width)
        height = float(page.mediabox.height)
        stamp.setPageSize((width, height))
        if index:
            centre = (margin_left_mm * mm + width - margin_right_mm * mm) / 2
            baseline = height - margin_top_mm * mm / 2 - PAGE_NUMBER_SIZE / 3
            stamp.setFont(font, PAGE_NUMBER_SIZE)
            stamp.drawCentredString(centre, baseline, str(index + 1))
        stamp.showPage()
    stamp.save()
    overlay = PdfFileReader(packet, strict=False)
    writer = PdfFileWriter()
    for index, page in enumerate(pages):
        if index:
            page.merge_page(overlay.pages[index])
        writer.add_page(page)
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()


def _merge(documents):
    writer = PdfFileWriter()
    for document in documents:
        for page in PdfFileReader(io.BytesIO(document), strict=False).pages:
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
            pdf = super()._run_wkhtmltopdf(
                [body],
                report_ref=report_ref,
                landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size,
            )
            documents.append(
                stamp_page_numbers(
                    pdf,
                    paperformat.margin_top,
                    paperformat.margin_left,
                    paperformat.margin_right,
                )
            )
        return documents[0] if len(documents) == 1 else _merge(documents)

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
