import io
from datetime import date, datetime

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .pdf_tools import flat, pdf_pages, render_pdf
from .proposal_common import TdktProposalCommon

DOSSIER_PDF = "tdkt_emulation.action_report_tdkt_award_dossier"
RECORD_XLSX = "tdkt_emulation.report_tdkt_award_record_xlsx"
PROPOSAL_XLSX = "tdkt_emulation.report_tdkt_award_proposal_xlsx"


@tagged("post_install", "-at_install")
@freeze_time("2024-12-10")
class TestAwardReports(TdktProposalCommon):
    def xlsx(self, report, records, user):
        content, fmt = (
            self.env["ir.actions.report"].with_user(user)._render(report, records.ids)
        )
        self.assertEqual(fmt, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]

    def test_proposal_list_printout(self):
        dossier = self.dossier()
        self.propose(
            dossier,
            self.ldtt,
            self.staff_employee,
            performance_rating="htt",
            start_date=date(2020, 1, 1),
        )
        failing = self.propose(
            dossier, self.cstdcs, self.head_employee, performance_rating="htt"
        )
        self.propose(dossier, self.ttldtt, performance_rating="htt")
        action = failing.with_user(self.chief).action_override()
        self.with_reason(self.chief, action, "Có thành tích đột xuất")
        pdf = render_pdf(
            self.env["ir.actions.report"].with_user(self.head).env, DOSSIER_PDF, dossier
        )
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "THANH TRA TỈNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                "Năm 2024",
                "Kính gửi: Hội đồng Thi đua - Khen thưởng Thanh tra tỉnh Thử nghiệm.",
                "I. Cá nhân",
                "1 Lao động tiên tiến (1)",
                "1.1 t_staff Chuyên viên; Văn phòng Thanh tra tỉnh",
                "2 Chiến sĩ thi đua cơ sở (1)",
                "2.1 Hoàng Văn Trưởng Chánh Văn phòng; Văn phòng Thanh tra tỉnh",
                "Thủ trưởng cho phép: Có thành tích đột xuất",
                "II. Tập thể",
                "1 Tập thể lao động tiên tiến (1)",
                "1.1 Văn phòng Thanh tra tỉnh",
                "Hoàng Văn Trưởng",
            ],
        )

    def test_history_xlsx(self):
        self.history(self.staff_employee, self.ldtt, 2022, 2023)
        self.history(None, self.ttldtt, 2023, unit=self.unit_office)
        records = self.env["tdkt.award.record"].search(
            [("company_id", "=", self.company.id)]
        )
        sheet = self.xlsx(RECORD_XLSX, records, self.office)
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(
            rows[0][:4], ("STT", "Năm", "Họ và tên / Tập thể", "Danh hiệu, hình thức")
        )
        self.assertEqual(
            [row[1:5] for row in rows[1:]],
            [
                (2023, "t_staff", "Lao động tiên tiến", "23/QĐ-TTr"),
                (
                    2023,
                    "Văn phòng Thanh tra tỉnh",
                    "Tập thể lao động tiên tiến",
                    "23/QĐ-TTr",
                ),
                (2022, "t_staff", "Lao động tiên tiến", "22/QĐ-TTr"),
            ],
        )
        # Real dates (the decision of the 2022 title, 10/01/2023), numbered rows.
        self.assertEqual(rows[3][5], datetime(2023, 1, 10))
        self.assertEqual(sheet.cell(4, 6).number_format, "dd/mm/yyyy")
        self.assertEqual([row[0] for row in rows[1:]], [1, 2, 3])
        self.assertEqual(rows[3][7], "Cơ quan")
        # Staff export only what they may read: their own history.
        with self.assertRaises(AccessError):
            self.xlsx(RECORD_XLSX, records, self.staff_division)
        own = records.filtered(lambda r: r.employee_id == self.staff_employee)
        sheet = self.xlsx(RECORD_XLSX, own, self.staff)
        self.assertEqual(
            [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)],
            [2023, 2022],
        )

    def test_proposals_xlsx(self):
        dossier = self.dossier()
        self.propose(
            dossier, self.cstdcs, self.staff_employee, performance_rating="htxs"
        )
        sheet = self.xlsx(PROPOSAL_XLSX, dossier.proposal_ids, self.office)
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(
            rows[1][1:],
            (
                2024,
                "Văn phòng Thanh tra tỉnh",
                "t_staff",
                "Chuyên viên",
                "Chiến sĩ thi đua cơ sở",
                "Not Eligible",
                "",
                "Draft",
            ),
        )
