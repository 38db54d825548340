from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .pdf_tools import flat, pdf_pages, render_pdf
from .proposal_common import TdktProposalCommon

ACHIEVEMENT_PDF = "tdkt_emulation.action_report_tdkt_award_achievement"


@tagged("post_install", "-at_install")
class TestAwardAchievementReport(TdktProposalCommon):
    """A person's achievement report (báo cáo thành tích): the decree's form
    by the date of the rules, the short CV, the achievements, and the awards
    received from the history kept, in the official frame."""

    def report_text(self, proposal, user):
        pdf = render_pdf(
            self.env["ir.actions.report"].with_user(user).env,
            ACHIEVEMENT_PDF,
            proposal.with_user(user),
        )
        return flat(" ".join(pdf_pages(pdf)))

    @freeze_time("2025-12-10")
    def test_report_decree_152(self):
        # sudo: HR data set up by the system, not by a role under test
        self.staff_employee.sudo().write(
            {"gender": "female", "birthday": date(1985, 3, 7)}
        )
        self.history(self.staff_employee, self.ldtt, 2022, 2023, 2024)
        self.history(self.staff_employee, self.cstdcs, 2024)
        self.history(self.staff_employee, self.bang_khen_cn, 2023)
        self.history(self.head_employee, self.ldtt, 2021)  # not hers
        dossier = self.dossier(year=2025)
        proposal = self.propose(
            dossier,
            self.cstdcs,
            self.staff_employee,
            performance_rating="htxs",
            start_date=date(2010, 8, 1),
            innovation_kind="initiative",
            innovation_reference="QĐ 15/QĐ-TTr ngày 10/11/2025",
            achievement_summary="Chủ trì 05 cuộc thanh tra.\nĐúng hạn 100% hồ sơ.",
        )
        text = self.report_text(proposal, self.head)
        self.assertInOrder(
            text,
            [
                "THANH TRA TỈNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "ngày 10 tháng 12 năm 2025",
                "BÁO CÁO THÀNH TÍCH",
                "ĐỀ NGHỊ CÔNG NHẬN CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2025",
                "Mẫu số 05, Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP",
                "I. SƠ LƯỢC LÝ LỊCH",
                "- Họ và tên: t_staff",
                "- Giới tính: Nữ",
                "- Ngày, tháng, năm sinh: 07/03/1985",
                "- Chức vụ: Chuyên viên",
                "- Đơn vị công tác: Văn phòng Thanh tra tỉnh",
                "- Ngày vào cơ quan: 01/08/2010",
                "II. THÀNH TÍCH ĐẠT ĐƯỢC",
                "Kết quả đánh giá, xếp loại năm 2025:",
                "được công nhận: QĐ 15/QĐ-TTr ngày 10/11/2025.",
                "Chủ trì 05 cuộc thanh tra.",
                "Đúng hạn 100% hồ sơ.",
                "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
                "1. Danh hiệu thi đua",
                "2022 Lao động tiên tiến 22/QĐ-TTr, 10/01/2023",
                "2023 Lao động tiên tiến",
                "2024 Lao động tiên tiến",
                "2024 Chiến sĩ thi đua cơ sở 24/QĐ-TTr, 10/01/2025",
                "2. Hình thức khen thưởng",
                "2023 Bằng khen",
                "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ",
                "NGƯỜI BÁO CÁO THÀNH TÍCH",
                "t_staff",
            ],
        )
        # Only her own awards; no addressee, no number, no draft mark.
        self.assertNotIn("2021", text)
        self.assertNotIn("Kính gửi", text)
        self.assertNotIn("DỰ THẢO", text)
        self.assertNotIn("Số:", text)

    @freeze_time("2025-03-10")
    def test_report_decree_98_and_collective(self):
        # A dossier judged by the rules before 01/07/2025 prints the form of
        # Decree 98/2023; a person without any award reads "Chưa có".
        dossier = self.dossier(year=2024)
        proposal = self.propose(
            dossier, self.ldtt, self.staff_employee, performance_rating="htt"
        )
        text = self.report_text(proposal, self.head)
        self.assertInOrder(
            text,
            [
                "ĐỀ NGHỊ CÔNG NHẬN LAO ĐỘNG TIÊN TIẾN NĂM 2024",
                "Mẫu số 03, Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP",
                "1. Danh hiệu thi đua",
                "Chưa có",
                "2. Hình thức khen thưởng",
                "Chưa có",
            ],
        )
        collective = self.propose(dossier, self.ttldtt, performance_rating="htt")
        with self.assertRaisesRegex(UserError, "is for a person"):
            self.report_text(collective, self.head)
