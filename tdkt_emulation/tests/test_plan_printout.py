import difflib
import io
from datetime import date
from unittest.mock import patch

from reportlab.pdfgen import canvas

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_path
from odoo.tools.pdf import PdfFileReader

from ..models import ir_actions_report
from ..models.ir_actions_report import (
    stamp_page_numbers,
    wkhtmltopdf_has_patched_qt,
)
from .common import TdktCommon
from .pdf_tools import (
    flat,
    pdf_fonts,
    pdf_pages,
    pdf_top_margin_texts,
    render_pdf,
    words,
)

PLAN_REPORT = "tdkt_emulation.action_report_tdkt_plan"


@tagged("post_install", "-at_install")
class TestPlanPrintout(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.create_plan(
            tasks_per_quarter=(2, 1, 0, 2),
            legal_basis_ids=[
                (0, 0, {"sequence": 1, "name": "Luật Thi đua, Khen thưởng năm 2022;"}),
                (
                    0,
                    0,
                    {"sequence": 2, "name": "Kế hoạch số 241/KH-UBND của UBND tỉnh"},
                ),
            ],
            recipient_ids=[
                (0, 0, {"sequence": 1, "name": "Vụ TCCB Thanh tra Chính phủ;"}),
                (0, 0, {"sequence": 2, "name": "Lưu: VT, TĐKT."}),
            ],
            introduction="Thanh tra tỉnh xây dựng Kế hoạch, cụ thể như sau:",
            issue_date=date(2024, 1, 5),
        )
        cls.fill_sections(
            cls.plan,
            {
                "1. Mục đích": "<p>Mục đích thứ nhất.</p>",
                "2. Yêu cầu": "<p>Yêu cầu thứ nhất.</p>",
                "III. TỔ CHỨC THỰC HIỆN": "<p>1. Giao Văn phòng theo dõi./.</p>",
            },
        )
        cls.issue(cls.plan)

    def test_plan_pdf_content_and_order(self):
        pdf = render_pdf(self.env, PLAN_REPORT, self.plan)
        self.assertEqual(pdf[:5], b"%PDF-")
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "UBND TỈNH THỬ NGHIỆM",
                "THANH TRA TỈNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 01/KH-TTr",
                "Lạng Sơn, ngày 05 tháng 01 năm 2024",
                "KẾ HOẠCH",
                "Thực hiện công tác thi đua, khen thưởng năm 2024",
                (
                    "Căn cứ Luật Thi đua, Khen thưởng năm 2022; Kế hoạch số "
                    "241/KH-UBND của UBND tỉnh."
                ),
                "Thanh tra tỉnh xây dựng Kế hoạch, cụ thể như sau:",
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "Mục đích thứ nhất.",
                "2. Yêu cầu",
                "Yêu cầu thứ nhất.",
                "II. NỘI DUNG, THỜI GIAN THỰC HIỆN",
                "STT Nội dung Đơn vị chủ trì Đơn vị phối hợp",
                "I QUÝ I",
                "1 Nhiệm vụ 1 quý 1 Văn phòng Thanh tra tỉnh Các Phòng nghiệp vụ",
                "2 Nhiệm vụ 2 quý 1",
                "II QUÝ II",
                "1 Nhiệm vụ 1 quý 2",
                "III QUÝ III",
                "IV QUÝ IV",
                "1 Nhiệm vụ 1 quý 4",
                "2 Nhiệm vụ 2 quý 4",
                "III. TỔ CHỨC THỰC HIỆN",
                "1. Giao Văn phòng theo dõi./.",
                "Nơi nhận:",
                "- Vụ TCCB Thanh tra Chính phủ;",
                "- Lưu: VT, TĐKT.",
                "CHÁNH THANH TRA",
                "Đậu Trường An",
            ],
        )
        self.assertNotIn("DỰ THẢO", text)

    def test_pdf_text_in_system_font(self):
        """Real Unicode text in Liberation Serif (or Times), not web-font outlines."""
        fonts = pdf_fonts(render_pdf(self.env, PLAN_REPORT, self.plan))
        lines = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        serif = [
            f for f in lines if "LiberationSerif" in f[0] or "TimesNewRoman" in f[0]
        ]
        self.assertTrue(serif, fonts)
        # emb and uni columns: embedded, with a Unicode map (extractable text).
        self.assertTrue(all(f[-5] == "yes" and f[-3] == "yes" for f in serif), fonts)
        self.assertNotIn("Lato", fonts)

    def test_number_and_date_format(self):
        plan = self.plan
        self.assertEqual(plan._tdkt_print_number(), "Số: 01/KH-TTr")
        self.assertEqual(plan._tdkt_print_date(), "Lạng Sơn, ngày 05 tháng 01 năm 2024")
        draft = self.create_plan(year=2025, issue_date=date(2025, 3, 9))
        self.assertEqual(draft._tdkt_print_date(), "Lạng Sơn, ngày 09 tháng 3 năm 2025")
        draft.issue_date = date(2025, 11, 20)
        self.assertEqual(
            draft._tdkt_print_date(), "Lạng Sơn, ngày 20 tháng 11 năm 2025"
        )
        draft.issue_date = False
        self.assertEqual(
            flat(draft._tdkt_print_date()), "Lạng Sơn, ngày tháng năm 2025"
        )
        self.assertEqual(flat(draft._tdkt_print_number()), "Số: /KH-TTr")
        draft.number = 7
        self.assertEqual(draft._tdkt_print_number(), "Số: 07/KH-TTr")
        self.assertEqual(draft._tdkt_print_filename("KH"), "KH_07-KH-TTr_2025")
        self.assertEqual(plan._tdkt_print_filename("KH"), "KH_01-KH-TTr_2024")
        draft.write(
            {"signing_authority": "kt", "authority_position": "Chánh Thanh tra"}
        )
        self.assertEqual(draft._tdkt_print_authority(), "KT. CHÁNH THANH TRA")

    def test_draft_without_tasks_signer_or_number(self):
        plan = self.create_plan(
            year=2026, tasks_per_quarter=(0, 0, 0, 0), signer_id=False, recipient_ids=[]
        )
        self.assertFalse(plan.signer_name)
        pdf = render_pdf(self.env, PLAN_REPORT, plan)
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "DỰ THẢO",
                "Số: /KH-TTr",
                "Lạng Sơn, ngày tháng năm 2026",
                "KẾ HOẠCH",
                "I QUÝ I",
                "II QUÝ II",
                "III QUÝ III",
                "IV QUÝ IV",
                "III. TỔ CHỨC THỰC HIỆN",
                "Nơi nhận:",
            ],
        )
        self.assertNotIn("Đậu Trường An", text)

    def _long_plan(self):
        """A plan of several pages: long task texts and unit lists."""
        tasks = []
        for index in range(1, 31):
            tasks.append(
                (
                    0,
                    0,
                    {
                        "quarter": str((index - 1) // 8 + 1),
                        "row_number": index,
                        "name": f"Mở đầu {index:02d} "
                        + "nội dung nhiệm vụ rất dài " * (3 + index % 5)
                        + f"kết thúc {index:02d}",
                        "lead_unit_id": self.unit_office.id,
                        "cooperating_unit_ids": [
                            (
                                6,
                                0,
                                (
                                    self.unit_division
                                    | self.unit_clusters
                                    | self.unit_sectors
                                ).ids,
                            )
                        ],
                    },
                )
            )
        return self.create_plan(
            year=2027, tasks_per_quarter=(0, 0, 0, 0), task_ids=tasks
        )

    def _assert_rows_whole_and_headed(self, pages):
        for index in range(1, 31):
            start = [
                n for n, page in enumerate(pages) if f"Mở đầu {index:02d}" in flat(page)
            ]
            end = [
                n
                for n, page in enumerate(pages)
                if f"kết thúc {index:02d}" in flat(page)
            ]
            self.assertEqual(len(start), 1)
            self.assertEqual(start, end, f"task {index} is split across pages")
        task_pages = [n for n, page in enumerate(pages) if "Mở đầu" in page]
        self.assertGreater(len(task_pages), 1)
        for n in task_pages:
            self.assertIn("STT Nội dung Đơn vị chủ trì Đơn vị phối hợp", flat(pages[n]))

    def test_multi_page_unpatched_qt_stamps_page_numbers(self):
        """Debian's wkhtmltopdf: numbers stamped from page 2, rows kept whole."""
        plan = self._long_plan()
        report_model = type(self.env["ir.actions.report"])
        with patch.object(
            report_model, "_tdkt_page_header_in_html", return_value=False
        ):
            pdf = render_pdf(self.env, PLAN_REPORT, plan)
        pages = pdf_pages(pdf)
        self.assertGreaterEqual(len(pages), 3)
        margins = pdf_top_margin_texts(pdf, len(pages))
        self.assertEqual(margins, [""] + [str(n) for n in range(2, len(pages) + 1)])
        self._assert_rows_whole_and_headed(pages)

    def test_multi_page_patched_qt_uses_odoo_header(self):
        """Patched Qt: page numbers go in Odoo's header HTML, nothing is stamped."""
        plan = self._long_plan()
        report_model = type(self.env["ir.actions.report"])
        with (
            patch.object(report_model, "_tdkt_page_header_in_html", return_value=True),
            patch.object(report_model, "_tdkt_css_zoom", return_value=1.0),
            patch.object(ir_actions_report, "stamp_page_numbers") as stamp,
        ):
            report = self.env["ir.actions.report"]._get_report(PLAN_REPORT)
            html = report._render_qweb_html(
                PLAN_REPORT, plan.ids, data={"report_type": "pdf"}
            )[0]
            bodies, _ids, header, _footer, _args = report._prepare_html(html)
            self.assertEqual(len(bodies), 1)
            self.assertIn('class="page"', header)
            self.assertIn("o_tdkt_page_number", header)
            self.assertIn("sitepage=1", header)  # no number on the first page
            self.assertNotIn("data-tdkt-page-height", bodies[0])
            pdf = render_pdf(self.env, PLAN_REPORT, plan)
            stamp.assert_not_called()
        pages = pdf_pages(pdf)
        self.assertGreaterEqual(len(pages), 2)
        margins = pdf_top_margin_texts(pdf, len(pages))
        if wkhtmltopdf_has_patched_qt():
            # The header HTML prints the numbers, from page 2 on.
            self.assertEqual(margins, [""] + [str(n) for n in range(2, len(pages) + 1)])
        else:
            # wkhtmltopdf without patched Qt ignores the header HTML, and
            # nothing was stamped: no numbers at all.
            self.assertEqual(margins, [""] * len(pages))

    def test_several_plans_in_one_pdf(self):
        """A list selection prints every plan, each from its own first page."""
        other = self.create_plan(year=2025, name="Kế hoạch thứ hai")
        pdf = render_pdf(self.env, PLAN_REPORT, self.plan | other)
        pages = [flat(page) for page in pdf_pages(pdf)]
        first = [n for n, page in enumerate(pages) if "CỘNG HÒA XÃ HỘI" in page]
        self.assertEqual(len(first), 2)
        self.assertIn("Kế hoạch thứ hai", pages[first[1]])
        self.assertIn("Số: 01/KH-TTr", pages[first[0]])

    def test_html_preview_without_pdf_tricks(self):
        html = self.env["ir.actions.report"]._render_qweb_html(
            PLAN_REPORT, self.plan.ids
        )[0]
        html = html.decode()
        self.assertIn("KẾ HOẠCH", html)
        self.assertNotIn("data-tdkt-page-height", html)
        self.assertNotIn("zoom:", html)


@tagged("post_install", "-at_install")
class TestSeedFidelity(TdktCommon):
    def test_demo_plan_reproduces_the_seed(self):
        plan = self.env.ref(
            "tdkt_emulation.tdkt_plan_2024_demo", raise_if_not_found=False
        )
        # A failure, not a skip: the test database must hold the demo data.
        self.assertTrue(plan, "demo data not loaded: the seed plan is missing")
        seed_path = file_path("tdkt_emulation/tests/data/seed_plan_2024.txt")
        with open(seed_path, encoding="utf-8") as seed_file:
            seed = words(seed_file.read())
        printed = words(" ".join(pdf_pages(render_pdf(self.env, PLAN_REPORT, plan))))
        matcher = difflib.SequenceMatcher(None, seed, printed, autojunk=False)
        matched = sum(block.size for block in matcher.get_matching_blocks())
        ratio = matched / len(seed)
        # Expected differences: the filled-in number and day (and the header
        # lines the seed's extraction lacks, which only add words).
        self.assertGreaterEqual(
            ratio, 0.98, f"{matched}/{len(seed)} seed words in order"
        )
        self.assertGreater(len(seed), 1000)

    def test_print_from_form_and_list(self):
        """The printouts are in the Print menu of plans and on the plan form."""
        for xmlid in (
            "action_report_tdkt_plan",
            "action_report_tdkt_plan_task_xlsx",
            "action_report_tdkt_plan_progress_xlsx",
        ):
            report = self.env.ref(f"tdkt_emulation.{xmlid}")
            self.assertEqual(report.binding_model_id.model, "tdkt.plan")
            self.assertEqual(report.binding_type, "report")
        report = self.env.ref("tdkt_emulation.action_report_tdkt_plan")
        arch = self.env["tdkt.plan"].get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertIn(f'name="{report.id}"', arch)


def _document(page_count, title):
    """A PDF of A4 pages, each with a line of body text."""
    packet = io.BytesIO()
    pdf = canvas.Canvas(packet, pagesize=(595.27, 841.89))
    for page in range(1, page_count + 1):
        pdf.drawString(100, 400, f"{title} body {page}")
        pdf.showPage()
    pdf.save()
    return packet.getvalue()


def _stream_bytes(page):
    """The page's content streams, as stored (still encoded)."""
    contents = page.raw_get("/Contents").get_object()
    streams = contents if isinstance(contents, list) else [contents]
    return [stream.get_object()._data for stream in streams]


@tagged("post_install", "-at_install")
class TestPageNumberStamp(TransactionCase):
    """Page numbers stamped onto wkhtmltopdf's PDF (builds without patched Qt)."""

    def test_each_document_numbered_from_its_second_page(self):
        documents = [_document(5, "A"), _document(1, "B"), _document(3, "C")]
        pdf = stamp_page_numbers(documents, 20, 30, 15)
        pages = pdf_pages(pdf)
        # The body, in order (the stamped number comes after it in the text).
        self.assertEqual(
            [" ".join(flat(page).split()[:3]) for page in pages],
            [f"A body {n}" for n in range(1, 6)]
            + ["B body 1"]
            + [f"C body {n}" for n in range(1, 4)],
        )
        self.assertEqual(
            pdf_top_margin_texts(pdf, len(pages)),
            ["", "2", "3", "4", "5", "", "", "2", "3"],
        )

    def test_page_content_kept_as_is(self):
        """Each page's own content is carried over byte for byte, never parsed
        and re-encoded (PyPDF2's merge_page did: seconds per page)."""
        document = _document(4, "A")
        original = PdfFileReader(io.BytesIO(document), strict=False).pages
        stamped = PdfFileReader(
            io.BytesIO(stamp_page_numbers([document], 20, 30, 15)), strict=False
        ).pages
        self.assertEqual(_stream_bytes(stamped[0]), _stream_bytes(original[0]))
        for index in range(1, 4):
            kept = _stream_bytes(original[index])
            streams = _stream_bytes(stamped[index])
            # [save state, the page's own content, restore state + number]
            self.assertEqual(streams[1:-1], kept)
            self.assertIn(f"({index + 1}) Tj".encode(), streams[-1])

    def test_cost_per_page_is_constant(self):
        """Output grows by a few hundred bytes per page: stamping is linear."""
        sizes = {}
        for count in (50, 150):
            document = _document(count, "A")
            stamped = stamp_page_numbers([document], 20, 30, 15)
            sizes[count] = len(stamped) - len(document)
        self.assertLess((sizes[150] - sizes[50]) / 100, 400)

    def test_one_page_document_returned_unchanged(self):
        document = _document(1, "A")
        self.assertIs(stamp_page_numbers([document], 20, 30, 15), document)
