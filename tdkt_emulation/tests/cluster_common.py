from odoo.tests import new_test_user

from .common import TdktCommon


class TdktClusterCommon(TdktCommon):
    """A cluster of four agencies in 2024: this agency heads it, a second
    agency of this Odoo is its deputy, two outside agencies are members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.third_company = cls.env["res.company"].create(
            {"name": "Thanh tra tỉnh Thứ ba"}
        )
        Partner = cls.env["res.partner"]
        cls.outside_a, cls.outside_b = Partner.create(
            [
                {"name": "Thanh tra tỉnh Cao Bằng", "is_company": True},
                {"name": "Thanh tra tỉnh Lào Cai", "is_company": True},
            ]
        )
        cls.organiser = Partner.create(
            {"name": "Thanh tra Chính phủ", "is_company": True}
        )

        def agency_user(login, company, group):
            return new_test_user(
                cls.env,
                login=login,
                groups=f"base.group_user,{group}",
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        cls.other_office = agency_user(
            "t_other_office", cls.other_company, "tdkt_emulation.group_tdkt_office"
        )
        cls.other_staff = agency_user(
            "t_other_staff", cls.other_company, "tdkt_emulation.group_tdkt_user"
        )
        cls.third_office = agency_user(
            "t_third_office", cls.third_company, "tdkt_emulation.group_tdkt_office"
        )
        cls.cluster = (
            cls.env["tdkt.cluster"]
            .with_user(cls.office)
            .create(
                {
                    "name": "Cụm thi đua số IV",
                    "organiser_id": cls.organiser.id,
                    "level": "central",
                    "company_id": cls.company.id,
                    "year_from": 2015,
                    "member_ids": [
                        (0, 0, {"year": 2024, "partner_id": partner.id, "role": role})
                        for partner, role in (
                            (cls.company.partner_id, "head"),
                            (cls.other_company.partner_id, "deputy"),
                            (cls.outside_a, "member"),
                            (cls.outside_b, "member"),
                        )
                    ],
                }
            )
        ).sudo()  # sudo: the tests read every member as the system
        members = cls.cluster._tdkt_members(2024)
        cls.m_head, cls.m_deputy, cls.m_a, cls.m_b = members

    @classmethod
    def create_covenant(cls, criteria=None, **vals):
        """A draft 2024 covenant of the cluster: two groups of two criteria
        (50 points each), a bonus and a penalty."""
        values = {
            "cluster_id": cls.cluster.id,
            "year": 2024,
            "place": "Lạng Sơn",
            "content": "Các đơn vị thành viên Cụm thi đua số IV thống nhất ký "
            "kết Giao ước thi đua năm 2024.",
            "target_ids": [
                (0, 0, {"name": "100% đơn vị hoàn thành tốt nhiệm vụ trở lên"}),
                (0, 0, {"name": "Ít nhất 02 đơn vị được đề nghị tặng Bằng khen"}),
            ],
        }
        values.update(vals)
        covenant = cls.env["tdkt.cluster.covenant"].with_user(cls.office).create(values)
        Criterion = cls.env["tdkt.cluster.criterion"].with_user(cls.office)
        groups = Criterion.create(
            [
                {
                    "covenant_id": covenant.id,
                    "name": name,
                    "max_points": 50,
                    "sequence": index,
                }
                for index, name in enumerate(
                    ("Công tác thanh tra", "Tiếp công dân, giải quyết KNTC, PCTN")
                )
            ]
        )
        for group in groups:
            Criterion.create(
                [
                    {
                        "covenant_id": covenant.id,
                        "parent_id": group.id,
                        "name": f"{group.name} - tiêu chí {index}",
                        "max_points": 25,
                        "sequence": index,
                    }
                    for index in (1, 2)
                ]
            )
        Criterion.create(
            [
                {
                    "covenant_id": covenant.id,
                    "name": "Được tặng Cờ thi đua của Thanh tra Chính phủ",
                    "kind": "bonus",
                    "max_points": 10,
                    "sequence": 10,
                },
                {
                    "covenant_id": covenant.id,
                    "name": "Chậm gửi báo cáo",
                    "kind": "penalty",
                    "max_points": 5,
                    "sequence": 11,
                },
            ]
        )
        return covenant.sudo()  # sudo: read as the system, acted on as users

    @classmethod
    def sign(cls, covenant):
        covenant.with_user(cls.office).action_sign()
        return covenant
