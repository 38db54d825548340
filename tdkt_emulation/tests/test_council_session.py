from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .council_common import TdktCouncilCommon


@tagged("post_install", "-at_install")
@freeze_time("2024-12-10")
class TestCouncilSession(TdktCouncilCommon):
    def test_roll_of_all_members_taken_while_draft(self):
        session = self.session()
        self.assertEqual(
            session.attendance_ids.member_id, self.council_record.member_ids
        )
        self.assertEqual(set(session.attendance_ids.mapped("status")), {"present"})
        self.assertEqual((session.present_count, session.member_count), (6, 6))
        line = session.attendance_ids.filtered(lambda a: a.user_id == self.member3)
        # The Office or the session's officers take the roll; not a member.
        with self.assertRaises(AccessError):
            line.with_user(self.member2).write({"status": "absent"})
        line.with_user(self.office).write({"status": "absent_written"})
        self.assertEqual(session.present_count, 5)
        with (
            Form(session.with_user(self.chief)) as form,
            form.attendance_ids.edit(4) as roll,
        ):
            self.assertEqual(roll.member_id.user_id, self.member3)
            roll.status = "absent"
        self.assertEqual(session.present_count, 5)
        self.assertEqual(session.with_user(self.member3).my_attendance, "absent")
        with self.assertRaisesRegex(UserError, "Only whether the member attends"):
            line.with_user(self.office).write({"member_id": session.chair_id.id})
        # A member appointed while the session is prepared joins its roll.
        newcomer = new_test_user(
            self.env,
            login="t_newcomer",
            groups="base.group_user,tdkt_emulation.group_tdkt_council",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        self.council_record.with_user(self.office).write(
            {"member_ids": [(0, 0, {"user_id": newcomer.id})]}
        )
        self.assertIn(newcomer, session.attendance_ids.user_id)
        self.assertEqual(session.member_count, 7)

    def test_agenda_takes_the_proposals_under_council_review(self):
        staff_ldtt, head_ldtt, collective = self.under_review()
        session = self.session()
        # Not a member who neither chairs nor keeps the minutes.
        with self.assertRaises(AccessError):
            session.with_user(self.member2).action_take_proposals()
        session.with_user(self.office).action_take_proposals()
        self.assertEqual(session.proposal_ids, staff_ldtt | head_ldtt | collective)
        self.assertEqual(session.proposal_count, 3)
        # Another session does not take them again.
        other = self.session()
        with self.assertRaisesRegex(UserError, "No proposal .* under council review"):
            other.with_user(self.office).action_take_proposals()
        # The Office removes one while the session is a draft.
        collective.with_user(self.office).action_remove_from_agenda()
        self.assertEqual(session.proposal_ids, staff_ldtt | head_ldtt)
        with self.assertRaises(AccessError):
            staff_ldtt.with_user(self.member2).action_remove_from_agenda()
        session.with_user(self.office).action_open()
        with self.assertRaisesRegex(UserError, "agenda no longer changes"):
            staff_ldtt.with_user(self.office).action_remove_from_agenda()
        with self.assertRaisesRegex(UserError, "agenda no longer changes"):
            session.with_user(self.office).action_take_proposals()

    def test_failing_proposal_needs_the_chiefs_override_for_the_agenda(self):
        staff_ldtt, _head_ldtt, _collective = self.under_review()
        # The checks fail after it reached the council (new facts).
        staff_ldtt.sudo().write({"eligibility": "fail"})
        session = self.session()
        with self.assertRaisesRegex(
            UserError, "do not meet the conditions.*Chief.*" + staff_ldtt.nominee_name
        ):
            session.with_user(self.office).action_take_proposals()
        self.assertFalse(session.proposal_ids)
        action = staff_ldtt.with_user(self.chief).action_override()
        self.with_reason(self.chief, action, "Thành tích đột xuất")
        session.with_user(self.office).action_take_proposals()
        self.assertIn(staff_ldtt, session.proposal_ids)

    def test_opening_needs_an_agenda_the_officers_and_a_quorum(self):
        self.under_review()
        session = self.session()
        with self.assertRaisesRegex(UserError, "nothing on its agenda"):
            session.with_user(self.office).action_open()
        session.with_user(self.office).action_take_proposals()
        # The default rule needs 80 % of the 6 members present: 5.
        absent = session.attendance_ids.filtered(
            lambda a: a.user_id in (self.member2 | self.member3)
        )
        absent.with_user(self.office).write({"status": "absent_written"})
        with self.assertRaisesRegex(UserError, "no quorum: 4 of the 6 .* 5 must be"):
            session.with_user(self.chief).action_open()
        self.assertEqual(session.state, "draft")
        absent[0].with_user(self.office).write({"status": "present"})
        # Council members who are not its officers open nothing, by any path.
        for path in ("action_open", "write"):
            with self.assertRaises(AccessError):
                if path == "write":
                    session.with_user(self.member1).write({"state": "open"})
                else:
                    session.with_user(self.member1).action_open()
        # Nor does the button show to them: only to the chair and secretary.
        self.assertEqual(session.with_user(self.member1).allowed_actions, "")
        self.assertEqual(session.with_user(self.chief).allowed_actions, "open")
        session.with_user(self.chief).action_open()
        self.assertEqual(session.state, "open")
        with self.assertRaisesRegex(UserError, "who attends no longer changes"):
            absent[1].with_user(self.office).write({"status": "present"})
        with self.assertRaisesRegex(UserError, "cannot do this while it is open"):
            session.with_user(self.chief).write({"state": "draft"})
        with self.assertRaises(AccessError):
            session.with_user(self.member1).action_close()
        session.with_user(self.office).action_close()
        self.assertEqual(session.state, "closed")
        with self.assertRaisesRegex(UserError, "has opened: it is kept"):
            session.with_user(self.office).unlink()

    def test_no_rule_for_an_award_type_stops_the_opening(self):
        self.under_review()
        self.env.ref("tdkt_emulation.tdkt_council_rule_agency_default").active = False
        session = self.session()
        session.with_user(self.office).action_take_proposals()
        with self.assertRaisesRegex(UserError, "No voting rule holds on 20/12/2024"):
            session.with_user(self.office).action_open()

    def test_staff_and_other_agencies(self):
        session = self.session()
        with self.assertRaises(AccessError):
            session.with_user(self.staff).write({"place": "x"})
        other_user = self.env["res.users"].create(
            {
                "name": "Khác",
                "login": "t_other_office",
                "company_id": self.other_company.id,
                "company_ids": [(6, 0, self.other_company.ids)],
                "groups_id": [
                    (6, 0, self.env.ref("tdkt_emulation.group_tdkt_office").ids)
                ],
            }
        )
        with self.assertRaises(AccessError):
            session.with_user(other_user).read(["place"])

    def test_a_seat_that_took_part_keeps_its_person(self):
        self.under_review()
        session = self.open_session()
        seat = session.chair_id
        with self.assertRaisesRegex(UserError, "the seat keeps its person"):
            seat.with_user(self.office).write({"user_id": self.member1.id})
        with self.assertRaisesRegex(UserError, "the seat keeps its person"):
            seat.with_user(self.office).unlink()
        # A seat of a council whose sessions are drafts still changes.
        self.session()
        self.assertEqual(seat.user_id, self.chief)
