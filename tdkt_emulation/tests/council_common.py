from datetime import date, datetime

from odoo.tests import new_test_user

from .proposal_common import TdktProposalCommon


class TdktCouncilCommon(TdktProposalCommon):
    """The agency's 2024 council: the Chief chairs, the Office is the
    secretary, three council members and the unit head sit on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members_users = []
        for index, name in enumerate(
            ("Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"), start=1
        ):
            user = new_test_user(
                cls.env,
                login=f"t_member{index}",
                name=name,
                groups="base.group_user,tdkt_emulation.group_tdkt_council",
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
            )
            cls.env["hr.employee"].create(
                {
                    "name": name,
                    "user_id": user.id,
                    "company_id": cls.company.id,
                    "department_id": cls.dep_division.id,
                }
            )
            cls.members_users.append(user)
        cls.member1, cls.member2, cls.member3 = cls.members_users
        # The unit head sits on the council too (and is proposed).
        cls.head.groups_id = [(4, cls.env.ref("tdkt_emulation.group_tdkt_council").id)]
        cls.council_record = cls.env["tdkt.council"].create(
            {
                "name": "Hội đồng Thi đua - Khen thưởng Thanh tra tỉnh",
                "company_id": cls.company.id,
                "date_from": date(2024, 1, 1),
                "date_to": date(2025, 12, 31),
                "founding_decision_number": "12/QĐ-TTr",
                "founding_decision_date": date(2024, 1, 15),
                "founding_decision_issuer": "Chánh Thanh tra tỉnh",
                "member_ids": [
                    (0, 0, {"user_id": user.id, "role": role, "sequence": sequence})
                    for sequence, (user, role) in enumerate(
                        (
                            (cls.chief, "chair"),
                            (cls.office, "secretary"),
                            (cls.member1, "vice_chair"),
                            (cls.member2, "member"),
                            (cls.member3, "member"),
                            (cls.head, "member"),
                        )
                    )
                ],
            }
        )

    @classmethod
    def voted_session(cls, env, size):
        """An open session of ``size`` LĐTT proposals of a new unit, each
        voted 'agree' by four members (for the query budgets)."""
        unit, employees = cls.staffed_unit(env, size)
        dossier = env["tdkt.award.dossier"].create(
            {"company_id": cls.company.id, "year": 2024, "unit_id": unit.id}
        )
        proposals = env["tdkt.award.proposal"].create(
            [
                {
                    "dossier_id": dossier.id,
                    "award_type_id": cls.ldtt.id,
                    "employee_id": employee.id,
                    "performance_rating": "htt",
                    "start_date": date(2020, 1, 1),
                }
                for employee in employees
            ]
        )
        # Straight to the council's review (the lifecycle is tested elsewhere).
        proposals.write({"state": "council"})
        session = env["tdkt.council.session"].create(
            {"council_id": cls.council_record.id, "place": f"Phòng {size}"}
        )
        proposals.write({"council_session_id": session.id})
        session.write({"state": "open"})
        for user in (cls.chief, cls.office, cls.member2, cls.member3):
            for proposal in proposals:
                session.with_user(user)._tdkt_vote(proposal, "agree")
        return session, proposals

    def under_review(self):
        """A dossier of the Office's unit sent to the council: LĐTT for a
        staff member and for the unit head (a council member), and TTLĐTT
        for the unit (the Chief lets what lacks data go on)."""
        dossier = self.dossier()
        facts = {"performance_rating": "htt", "start_date": date(2020, 1, 1)}
        staff_ldtt = self.propose(dossier, self.ldtt, self.staff_employee, **facts)
        head_ldtt = self.propose(dossier, self.ldtt, self.head_employee, **facts)
        collective = self.propose(dossier, self.ttldtt, performance_rating="htt")
        for proposal in staff_ldtt | head_ldtt | collective:
            if proposal.eligibility != "pass":
                action = proposal.with_user(self.chief).action_override()
                self.with_reason(self.chief, action, "Hội đồng xem xét")
        dossier.with_user(self.head).action_submit()
        dossier.with_user(self.office).action_send_council()
        return staff_ldtt, head_ldtt, collective

    def open_session(self, **vals):
        """A session with the proposals under review on its agenda, opened
        by its secretary."""
        session = self.session(**vals)
        session.with_user(self.office).action_take_proposals()
        session.with_user(self.office).action_open()
        return session

    def session(self, **vals):
        values = {
            "council_id": self.council_record.id,
            "date": datetime(2024, 12, 20, 2, 0),
            "place": "Phòng họp Thanh tra tỉnh",
        }
        values.update(vals)
        return self.env["tdkt.council.session"].with_user(self.office).create(values)
