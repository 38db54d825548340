import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .movement_common import TdktMovementCommon
from .pdf_tools import flat, pdf_pages, pdf_top_margin_texts, render_pdf

ROLLUP_XLSX = "tdkt_emulation.report_tdkt_registration_rollup_xlsx"
ROLLUP_PDF = "tdkt_emulation.action_report_tdkt_registration_rollup"


@tagged("post_install", "-at_install")
class TestRegistrationRollupXlsx(TdktMovementCommon):
    def _workbook(self, user):
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render(ROLLUP_XLSX, self.movement.ids)
        )
        self.assertEqual(fmt, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_rollup_titles_by_unit(self):
        with freeze_time("2024-01-20"):
            registration = self.register()
            registration.with_user(self.head).action_submit()
            # A draft of the other unit is not counted yet.
            self.register(
                user=self.head_div,
                unit=self.unit_div1,
                lines=[(self.staff_div_employee, self.ldtt)],
            )
        workbook = self._workbook(self.office)
        self.assertEqual(
            workbook.sheetnames,
            ["Tổng hợp 01-KH-TTr", "Chưa đăng ký 01-KH-TTr", "Danh sách 01-KH-TTr"],
        )
        rows = list(workbook["Tổng hợp 01-KH-TTr"].iter_rows(values_only=True))
        self.assertEqual(
            rows[0],
            (
                "STT",
                "Danh hiệu, hình thức",
                "Văn phòng Thanh tra tỉnh",
                "Phòng Nghiệp vụ 1",
                "Tổng cộng",
            ),
        )
        self.assertEqual(rows[1], (1, "Tập thể lao động tiên tiến", 1, 0, 1))
        self.assertEqual(rows[2], (2, "Lao động tiên tiến", 2, 0, 2))
        self.assertEqual(rows[3], (3, "Chiến sĩ thi đua cơ sở", 1, 0, 1))
        self.assertEqual(rows[4], (4, "Giấy khen - cá nhân", 0, 0, 0))
        missing = list(workbook["Chưa đăng ký 01-KH-TTr"].iter_rows(values_only=True))
        self.assertEqual(missing, [("STT", "Đơn vị chưa đăng ký")])
        people = list(workbook["Danh sách 01-KH-TTr"].iter_rows(values_only=True))
        self.assertEqual(len(people), 5)
        self.assertEqual([row[0] for row in people[1:]], [1, 2, 3, 4])
        self.assertIn(
            (
                "Văn phòng Thanh tra tỉnh",
                "Hoàng Văn Trưởng",
                "Chánh Văn phòng",
                "Lao động tiên tiến",
                "Đã gửi",
            ),
            [row[1:] for row in people],
        )
        self.assertIn(
            ("Phòng Nghiệp vụ 1", "t_staff_div", "", "Lao động tiên tiến", "Dự thảo"),
            [row[1:] for row in people],
        )

    def test_rollup_for_office_and_council_only(self):
        self.assertTrue(self._workbook(self.council).sheetnames)
        with self.assertRaises(AccessError):
            self._workbook(self.staff)

    def test_rollup_printout(self):
        with freeze_time("2024-01-20"):
            registration = self.register()
            registration.with_user(self.head).action_submit()
        with freeze_time("2024-02-01"):
            pdf = render_pdf(
                self.env["ir.actions.report"].with_user(self.office).env,
                ROLLUP_PDF,
                self.movement,
            )
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "THANH TRA TỈNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Lạng Sơn, ngày 01 tháng 02 năm 2024",
                "BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA",
                "Năm 2024",
                "Thực hiện Kế hoạch số 01/KH-TTr phát động phong trào thi đua",
                "Văn phòng tổng hợp đăng ký thi đua của các đơn vị như sau:",
                "Danh hiệu, hình thức",
                "Văn phòng Thanh tra tỉnh",
                "Phòng Nghiệp vụ 1",
                "Tổng số",
                "1 Tập thể lao động tiên tiến 1 0 1",
                "2 Lao động tiên tiến 2 0 2",
                "3 Chiến sĩ thi đua cơ sở 1 0 1",
                "Đơn vị chưa đăng ký: Phòng Nghiệp vụ 1.",
                "NGƯỜI TỔNG HỢP",
                "t_office",
            ],
        )
        self.assertNotIn("DỰ THẢO", text)
        self.assertNotIn("Số:", text)
        # The movement's own printout is untouched: no signed copy taken.
        self.assertFalse(self.movement.signed_pdf_id)
        with self.assertRaises(AccessError):
            render_pdf(
                self.env["ir.actions.report"].with_user(self.head).env,
                ROLLUP_PDF,
                self.movement,
            )

    def test_rollup_pdf_long_has_page_numbers_and_no_signed_copy(self):
        """A roll-up over several pages gets its page numbers from page 2 on
        (Decree 30/2020), whatever the wkhtmltopdf build; printing it never
        takes the movement's signed copy."""
        awards = self.env["tdkt.award.type"].create(
            [
                {
                    "code": f"NGANH_{index:02d}",
                    "name": f"Danh hiệu thi đua của ngành số {index:02d} "
                    "dành cho tập thể tiêu biểu xuất sắc",
                    "kind": "title",
                    "subject": "collective",
                }
                for index in range(1, 46)
            ]
        )
        movement = self.create_movement(
            title_ids=[
                (0, 0, {"sequence": index, "award_type_id": award.id})
                for index, award in enumerate(awards)
            ]
        )
        with freeze_time("2024-01-10"):
            movement.with_user(self.chief).action_launch()
        pdf = render_pdf(
            self.env["ir.actions.report"].with_user(self.office).env,
            ROLLUP_PDF,
            movement,
        )
        pages = pdf_pages(pdf)
        self.assertGreaterEqual(len(pages), 2)
        margins = pdf_top_margin_texts(pdf, len(pages))
        self.assertEqual(margins[0], "")
        self.assertEqual(margins[1:], [str(n) for n in range(2, len(pages) + 1)])
        self.assertIn("45 Danh hiệu thi đua của ngành số 45", flat(pages[-1]))
        self.assertFalse(movement.signed_pdf_id)
