"""Browser journey of the award decision: the Chief opens the decision the
Office prepared, issues it and prints it."""

from odoo.tests import tagged

from .pdf_tools import flat
from .tour_common import TdktTourCase


@tagged("post_install", "-at_install")
class TestAwardDecisionTour(TdktTourCase):
    def test_chief_issues_and_prints(self):
        ref = self.env.ref
        dossier = self.env["tdkt.award.dossier"].create(
            {
                "company_id": self.company.id,
                "year": 2025,
                "unit_id": self.unit_office.id,
            }
        )
        proposal = self.env["tdkt.award.proposal"].create(
            {
                "dossier_id": dossier.id,
                "award_type_id": ref("tdkt_emulation.tdkt_award_type_ldtt").id,
                "employee_id": ref("tdkt_emulation.hr_employee_staff_demo").id,
                "performance_rating": "htt",
            }
        )
        # The council's vote is the council's journey: approved directly here.
        proposal.write({"state": "approved"})
        office = ref("tdkt_emulation.user_office_demo")
        decision = (
            self.env["tdkt.award.decision"]
            .with_user(office)
            .create(
                {
                    "company_id": self.company.id,
                    "year": 2025,
                    "signer_id": self.chief_employee.id,
                }
            )
        )
        decision.action_take_approved()
        with self.capture_reports() as rendered:
            self.start_tour(
                f"/odoo/action-tdkt_emulation.tdkt_award_decision_action/{decision.id}",
                "tdkt_award_chief_issues_decision",
                login="chief",
            )
        self.env.invalidate_all()
        self.assertEqual(decision.state, "issued")
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(
            decision.line_ids.record_id.decision_number, decision.document_number
        )
        self.assertEqual(len(rendered), 1)
        login, _report, res_ids, content = rendered[0]
        self.assertEqual((login, res_ids), ("chief", decision.ids))
        text = flat(content.decode())
        position = 0
        for part in (
            f"Số: {decision.document_number}",
            "QUYẾT ĐỊNH",
            "Điều 1.",
            "Tặng danh hiệu “Lao động tiên tiến” cho 01 cá nhân",
            "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG",
            "Nông Thị Hằng; Chuyên viên; Văn phòng Thanh tra tỉnh",
        ):
            position = text.find(part, position)
            self.assertNotEqual(position, -1, part)
