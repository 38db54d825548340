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
        ).sudo()
        members = cls.cluster._tdkt_members(2024)
        cls.m_head, cls.m_deputy, cls.m_a, cls.m_b = members
