from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .council_common import TdktCouncilCommon
from .webclient import form_spec, load_form


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
        self.under_review()
        session = self.session()
        session.with_user(self.office).action_take_proposals()
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

    def test_office_sets_up_a_council_in_its_form(self):
        with Form(self.env["tdkt.council"].with_user(self.office)) as form:
            form.name = "Hội đồng Thi đua - Khen thưởng năm 2026"
            form.date_from = date(2026, 1, 1)
            form.founding_decision_number = "03/QĐ-TTr"
            with form.member_ids.new() as line:
                line.user_id = self.chief
                line.role = "chair"
            with form.member_ids.new() as line:
                line.user_id = self.member1
        council = form.record
        self.assertEqual(
            council.member_ids.employee_id,
            self.chief_employee
            | self.env["hr.employee"].search([("user_id", "=", self.member1.id)]),
        )
        with self.assertRaisesRegex(ValidationError, "one chairperson only"):
            council.member_ids[1].role = "chair"
        with self.assertRaises(AccessError):
            council.with_user(self.member1).write({"name": "x"})
        # Voting comes from the seat, but a seat needs the Council role.
        with self.assertRaisesRegex(ValidationError, "role 'Council Member'"):
            self.env["tdkt.council.member"].create(
                {"council_id": council.id, "user_id": self.outsider.id}
            )
        stranger = new_test_user(
            self.env,
            login="t_stranger",
            groups="base.group_user,tdkt_emulation.group_tdkt_council",
            company_id=self.other_company.id,
            company_ids=[(6, 0, self.other_company.ids)],
        )
        with self.assertRaisesRegex(ValidationError, "not a user of"):
            self.env["tdkt.council.member"].create(
                {"council_id": council.id, "user_id": stranger.id}
            )

    def test_every_council_role_opens_the_council_screens(self):
        self.under_review()
        session = self.open_session()
        screens = {
            "tdkt.council": ("tdkt_council_view_form", self.council_record),
            "tdkt.council.session": ("tdkt_council_session_view_form", session),
            "tdkt.council.rule": (
                "tdkt_council_rule_view_form",
                self.env.ref("tdkt_emulation.tdkt_council_rule_r1_80"),
            ),
        }
        for user in (self.member1, self.office, self.chief, self.admin_tdkt):
            for model, (xmlid, record) in screens.items():
                with self.subTest(user=user.login, model=model):
                    env = record.with_user(user).env
                    views = env[model].get_views([(False, "form"), (False, "list")])
                    form = views["views"]["form"]
                    self.assertEqual(
                        form["id"], self.env.ref(f"tdkt_emulation.{xmlid}").id
                    )
                    load_form(record.with_user(user), form_spec(env, model))
            with self.subTest(user=user.login, screen="agenda"):
                action = session.with_user(user).action_open_agenda()
                Proposal = self.env["tdkt.award.proposal"].with_user(user)
                views = Proposal.get_views(action["views"])["views"]
                self.assertIn("action_vote_abstain", views["kanban"]["arch"])
                self.assertTrue(Proposal.search_count(action["domain"]))
