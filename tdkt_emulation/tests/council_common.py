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

    def session(self, **vals):
        values = {
            "council_id": self.council_record.id,
            "date": datetime(2024, 12, 20, 2, 0),
            "place": "Phòng họp Thanh tra tỉnh",
        }
        values.update(vals)
        return self.env["tdkt.council.session"].with_user(self.office).create(values)
