"""Browser journey of a submission upward: the Office prepares it from a
closed council session, the Chief issues and prints it, the Office records
the higher level's decision."""

from odoo.tests import tagged

from .pdf_tools import flat
from .tour_common import TdktTourCase


@tagged("post_install", "-at_install")
class TestAwardSubmissionTour(TdktTourCase):
    def test_prepare_issue_print_record(self):
        ref = self.env.ref
        division = ref("tdkt_emulation.hr_department_division3_demo")
        unit = self.env["tdkt.unit"].search(
            [("department_ids", "in", division.ids), ("unit_type", "=", "department")],
            limit=1,
        )
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"Cán bộ tour {index}",
                    "job_title": "Thanh tra viên",
                    "company_id": self.company.id,
                    "department_id": division.id,
                }
                for index in (1, 2)
            ]
        )
        council = self.env["tdkt.council"].create(
            {
                "name": "Hội đồng của tour",
                "company_id": self.company.id,
                "date_from": "2024-01-01",
            }
        )
        session = self.env["tdkt.council.session"].create(
            {"council_id": council.id, "date": "2024-12-27 02:00:00"}
        )
        dossier = self.env["tdkt.award.dossier"].create(
            {"company_id": self.company.id, "year": 2024, "unit_id": unit.id}
        )
        proposals = self.env["tdkt.award.proposal"].create(
            [
                {
                    "dossier_id": dossier.id,
                    "award_type_id": ref(f"tdkt_emulation.{award}").id,
                    "employee_id": employee.id,
                    "performance_rating": "htxs",
                }
                for award, employee in zip(
                    (
                        "tdkt_award_type_cstd_bo_tinh",
                        "tdkt_award_type_bang_khen_bo_tinh_cn",
                    ),
                    employees,
                    strict=True,
                )
            ]
        )
        # The council's vote is another journey: the superuser closes the
        # session and approves its agenda.
        session.write({"state": "closed"})
        proposals.write({"state": "approved", "council_session_id": session.id})
        self.start_tour(
            "/odoo/action-tdkt_emulation.tdkt_award_submission_action/new",
            "tdkt_award_submission_office_prepares",
            login="office",
        )
        submission = self.env["tdkt.award.submission"].search(
            [("council_session_id", "=", session.id)]
        )
        self.assertEqual(submission.state, "submitted")
        self.assertEqual(submission.line_ids.proposal_id, proposals)
        url = (
            f"/odoo/action-tdkt_emulation.tdkt_award_submission_action/{submission.id}"
        )
        with self.capture_reports() as rendered:
            self.start_tour(url, "tdkt_award_submission_chief_issues", login="chief")
        self.env.invalidate_all()
        self.assertEqual(submission.state, "issued")
        self.assertEqual(set(proposals.mapped("state")), {"forwarded"})
        login, _report, res_ids, content = rendered[0]
        self.assertEqual((login, res_ids), ("chief", submission.ids))
        text = flat(content.decode())
        position = 0
        for part in (
            "TỜ TRÌNH",
            "Kính gửi:",
            "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng",
            "ngày 27/12/2024",
            "khen thưởng cho 2 cá nhân",
            "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
            "Cán bộ tour 1",
        ):
            position = text.find(part, position)
            self.assertNotEqual(position, -1, part)
        self.start_tour(
            url, "tdkt_award_submission_office_records_decision", login="office"
        )
        self.env.invalidate_all()
        self.assertEqual(submission.state, "decided")
        self.assertEqual(submission.higher_decision_number, "130/QĐ-UBND")
        self.assertEqual(submission.higher_decision_date, submission.issue_date)
        self.assertEqual(set(proposals.mapped("state")), {"conferred"})
        records = self.env["tdkt.award.record"].search(
            [("proposal_id", "in", proposals.ids)]
        )
        self.assertEqual(set(records.mapped("issuer_level")), {"higher"})
