from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .decision_common import TdktDecisionCommon
from .pdf_tools import flat, pdf_pages, render_pdf

DECISION_PDF = "tdkt_emulation.action_report_tdkt_award_decision"
CERTIFICATE_PDF = "tdkt_emulation.action_report_tdkt_award_certificate"


@tagged("post_install", "-at_install")
@freeze_time("2025-01-15")
class TestAwardDecisionPrintout(TdktDecisionCommon):
    def test_decision_with_its_annex(self):
        decision, _proposals = self.issued()
        pdf = render_pdf(
            self.env["ir.actions.report"].with_user(self.office).env,
            DECISION_PDF,
            decision,
        )
        pages = [flat(page) for page in pdf_pages(pdf)]
        text = " ".join(pages)
        self.assertInOrder(
            text,
            [
                "THANH TRA TỈNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Số: 01/QĐ-TTr",
                "Lạng Sơn, ngày 15 tháng 01 năm 2025",
                "QUYẾT ĐỊNH",
                "Về việc khen thưởng thành tích năm 2024",
                "CHÁNH THANH TRA TỈNH",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Nghị định số 98/2023/NĐ-CP",
                "Thông tư số 01/2024/TT-BNV",
                "Xét đề nghị của Hội đồng Thi đua - Khen thưởng",
                "QUYẾT ĐỊNH:",
                "Điều 1.",
                # Collectives first, then individuals, each title in the
                # catalogue's order.
                (
                    "1. Tặng danh hiệu “Tập thể lao động tiên tiến” cho 01 tập thể "
                    "(có danh sách kèm theo), mỗi tập thể được thưởng 1.880.000 đồng."
                ),
                (
                    "2. Tặng danh hiệu “Lao động tiên tiến” cho 01 cá nhân (có danh "
                    "sách kèm theo), mỗi cá nhân được thưởng 710.000 đồng."
                ),
                (
                    "3. Tặng danh hiệu “Chiến sĩ thi đua cơ sở” cho 01 cá nhân (có "
                    "danh sách kèm theo), mỗi cá nhân được thưởng 2.340.000 đồng."
                ),
                "4. Tặng Giấy khen cho 01 cá nhân (có danh sách kèm theo).",
                "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ công tác năm 2024.",
                "Tổng số tiền thưởng: 4.930.000 đồng.",
                "Điều 2.",
                "Quỹ thi đua, khen thưởng của Thanh tra tỉnh.",
                "Điều 3.",
                "chịu trách nhiệm thi hành Quyết định này.",
                "Nơi nhận:",
                "- Như Điều 3;",
                "CHÁNH THANH TRA",
                "Đậu Trường An",
                "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG",
                (
                    "(Kèm theo Quyết định số 01/QĐ-TTr ngày 15/01/2025 của Chánh "
                    "Thanh tra tỉnh)"
                ),
                "I. Tập thể",
                "Tập thể lao động tiên tiến",
                "1 Văn phòng Thanh tra tỉnh 1.880.000",
                "II. Cá nhân",
                "Lao động tiên tiến",
                "1 t_staff; Chuyên viên; Văn phòng Thanh tra tỉnh 710.000",
                "Chiến sĩ thi đua cơ sở",
                (
                    "1 Hoàng Văn Trưởng; Chánh Văn phòng; Văn phòng Thanh tra tỉnh "
                    "2.340.000"
                ),
                "Giấy khen - cá nhân",
                "1 t_office; Văn phòng Thanh tra tỉnh",
            ],
        )
        self.assertNotIn("DỰ THẢO", text)
        # The annex is on its own page, after the signature.
        signed = next(n for n, page in enumerate(pages) if "Đậu Trường An" in page)
        annex = next(n for n, page in enumerate(pages) if "DANH SÁCH CÁ NHÂN" in page)
        self.assertGreater(annex, signed)

    def test_draft_decision_prints_as_a_draft(self):
        self.approved_set()
        decision = self.decision()
        decision.action_take_approved()
        text = flat(
            " ".join(
                pdf_pages(
                    render_pdf(
                        self.env["ir.actions.report"].with_user(self.office).env,
                        DECISION_PDF,
                        decision,
                    )
                )
            )
        )
        self.assertInOrder(
            text, ["DỰ THẢO", "Số: /QĐ-TTr", "(Kèm theo Quyết định số ....../QĐ-TTr"]
        )

    def test_certificate(self):
        decision, proposals = self.issued()
        layout = self.env["tdkt.award.certificate.layout"].with_user(self.office)
        layout.create(
            {
                "company_id": self.company.id,
                "issuer_title": "Chánh Thanh tra tỉnh Lạng Sơn",
            }
        )
        lines = decision.line_ids.filtered("has_certificate")
        pdf = render_pdf(
            self.env["ir.actions.report"].with_user(self.office).env,
            CERTIFICATE_PDF,
            lines.sorted("register_number"),
        )
        pages = [flat(page) for page in pdf_pages(pdf)]
        self.assertEqual(len(pages), 2, "one sheet per certificate")
        cstdcs = next(page for page in pages if "CHIẾN SĨ THI ĐUA CƠ SỞ" in page)
        for part in (
            "CHÁNH THANH TRA TỈNH LẠNG SƠN",
            "CÔNG NHẬN DANH HIỆU",
            "HOÀNG VĂN TRƯỞNG",
            "Chánh Văn phòng, Văn phòng Thanh tra tỉnh",
            "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ công tác năm 2024.",
            "Quyết định số 01/QĐ-TTr ngày 15/01/2025",
            "Số sổ vàng:",
            "Lạng Sơn, ngày 15 tháng 01 năm 2025",
            "Đậu Trường An",
        ):
            self.assertIn(part, cstdcs)
        giay_khen = next(page for page in pages if "GIẤY KHEN" in page)
        self.assertIn("TẶNG", giay_khen)
        self.assertIn("T_OFFICE", giay_khen)
        # The certificate is also printed from the award history.
        own = decision.line_ids.filtered(
            lambda l: l.proposal_id == proposals["giay_khen"]
        )
        self.assertEqual(
            own.record_id.with_user(self.office).action_print_certificate()["type"],
            "ir.actions.report",
        )

    def test_staff_print_their_own_certificate(self):
        proposal = self.approved(self.giay_khen_cn, self.staff_employee)
        decision = self.decision()
        decision.action_take_approved()
        decision.with_user(self.chief).action_issue()
        record = (
            self.env["tdkt.award.record"]
            .with_user(self.staff)
            .search([("proposal_id", "=", proposal.id)])
        )
        action = record.action_print_certificate()
        self.assertEqual(action["context"]["active_ids"], decision.line_ids.ids)
        pdf = render_pdf(
            self.env["ir.actions.report"].with_user(self.staff).env,
            CERTIFICATE_PDF,
            decision.line_ids,
        )
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            ["CHÁNH THANH TRA TỈNH", "TẶNG", "GIẤY KHEN", "T_STAFF", "Số sổ vàng: 1"],
        )
        # A colleague neither reads nor prints it.
        with self.assertRaises(AccessError):
            decision.line_ids.with_user(self.staff_division).action_print_certificate()
        self.assertFalse(
            self.env["tdkt.award.record"]
            .with_user(self.staff_division)
            .search([("proposal_id", "=", proposal.id)])
        )

    def test_long_annex_pages_are_headed(self):
        """The annex starts on its own page; every page of a long list repeats
        the header row and keeps its rows whole."""
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"Cán bộ số {index:03d}",
                    "job_title": "Thanh tra viên",
                    "company_id": self.company.id,
                    "department_id": self.dep_office.id,
                }
                for index in range(80)
            ]
        )
        dossier = self.dossier()
        for employee in employees:
            self.approved(self.ldtt, employee, dossier)
        decision = self.decision()
        decision.action_take_approved()
        pages = [
            flat(page)
            for page in pdf_pages(
                render_pdf(
                    self.env["ir.actions.report"].with_user(self.office).env,
                    DECISION_PDF,
                    decision,
                )
            )
        ]
        list_pages = [page for page in pages if "Cán bộ số" in page]
        self.assertGreaterEqual(len(list_pages), 3)
        for page in list_pages:
            self.assertIn("STT Họ và tên; chức vụ; đơn vị", page)
        for index in range(80):
            row = f"{index + 1} Cán bộ số {index:03d}; Thanh tra viên; Văn phòng"
            self.assertEqual(
                sum(row in page for page in list_pages), 1, f"row {index + 1} whole"
            )
