from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .council_common import TdktCouncilCommon


@tagged("post_install", "-at_install")
@freeze_time("2024-12-10")
class TestCouncil(TdktCouncilCommon):
    def test_council_members_and_founding_decision(self):
        council = self.council_record
        self.assertEqual(
            council.founding_decision,
            "Quyết định số 12/QĐ-TTr ngày 15/01/2024 của Chánh Thanh tra tỉnh",
        )
        self.assertEqual(council.member_count, 6)
        chair = council.member_ids.filtered(lambda m: m.role == "chair")
        self.assertEqual(chair.employee_id, self.chief_employee)
        self.assertEqual(chair.job_title, "Chánh Thanh tra")

    def test_session_officers_open_and_close(self):
        session = self.session()
        self.assertEqual(session.chair_id.user_id, self.chief)
        self.assertEqual(session.secretary_id.user_id, self.office)
        self.assertEqual(
            session.name,
            "Phiên họp Hội đồng Thi đua - Khen thưởng Thanh tra tỉnh ngày 20/12/2024",
        )
        # A member who neither chairs nor keeps the minutes cannot open it.
        with self.assertRaises(AccessError):
            session.with_user(self.member2).action_open()
        with self.assertRaises(AccessError):
            session.with_user(self.member2).write({"state": "open"})
        self.assertEqual(session.state, "draft")
        session.with_user(self.office).action_open()
        self.assertEqual(session.state, "open")
        with self.assertRaisesRegex(UserError, "has opened"):
            session.with_user(self.office).write({"place": "Hội trường"})
        session.with_user(self.chief).action_close()
        self.assertEqual(session.state, "closed")

    def test_only_the_office_prepares_sessions_and_the_agenda_has_buttons(self):
        with self.assertRaises(AccessError):
            self.env["tdkt.council.session"].with_user(self.member2).create(
                {"council_id": self.council_record.id}
            )
        session = self.session()
        proposal = self.propose(self.dossier(), self.ldtt, self.staff_employee)
        with self.assertRaisesRegex(UserError, "buttons"):
            session.with_user(self.office).write({"proposal_ids": [(4, proposal.id)]})
        with self.assertRaisesRegex(AccessError, "kept by the system"):
            proposal.with_user(self.head).write({"council_session_id": session.id})
        self.assertFalse(proposal.council_session_id)
