from freezegun import freeze_time

from odoo.tests import tagged

from .proposal_common import TdktProposalCommon


@tagged("post_install", "-at_install")
@freeze_time("2025-03-01")
class TestNextEligible(TdktProposalCommon):
    def test_next_eligible_from_the_history(self):
        self.history(self.staff_employee, self.cstdcs, 2024)
        self.history(self.head_employee, self.cstdcs, 2023, 2024, 2025)
        staff = self.staff_employee.with_user(self.office).tdkt_next_eligible
        self.assertIn(
            "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh 2026: needs Chiến sĩ thi đua "
            "cơ sở in 2025, 2026.",
            staff,
        )
        self.assertIn(
            "(Bằng khen của Chủ tịch UBND tỉnh) - cá nhân 2026: needs Chiến sĩ thi "
            "đua cơ sở in 2025, 2026.",
            staff,
        )
        head = self.head_employee.with_user(self.office).tdkt_next_eligible
        self.assertIn(
            "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh 2026: can be proposed (Chiến sĩ "
            "thi đua cơ sở in 2023, 2024, 2025).",
            head,
        )
