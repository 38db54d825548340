from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .movement_common import TdktMovementCommon


@tagged("post_install", "-at_install")
class TestRegistrationAccess(TdktMovementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2024-01-20"):
            cls.registration = (
                cls.env["tdkt.registration"]
                .with_user(cls.head)
                .create(
                    {
                        "movement_id": cls.movement.id,
                        "unit_id": cls.unit_office.id,
                        "collective_award_type_id": cls.ttldtt.id,
                        "line_ids": [
                            (
                                0,
                                0,
                                {
                                    "employee_id": cls.staff_employee.id,
                                    "award_type_id": cls.ldtt.id,
                                },
                            ),
                            (
                                0,
                                0,
                                {
                                    "employee_id": cls.head_employee.id,
                                    "award_type_id": cls.ldtt.id,
                                },
                            ),
                        ],
                    }
                )
            )

    def test_staff_reads_own_lines_only(self):
        Line = self.env["tdkt.registration.line"]
        mine = Line.with_user(self.staff).search([])
        self.assertEqual(mine.employee_id, self.staff_employee)
        self.assertEqual(
            self.env["tdkt.registration"].with_user(self.staff).search([]),
            self.registration,
        )
        self.assertFalse(Line.with_user(self.staff_division).search([]))
        self.assertFalse(
            self.env["tdkt.registration"].with_user(self.staff_division).search([])
        )
        # Named in it, not its registrar: no change, no submission.
        self.assertNotIn(
            "submit", self.registration.with_user(self.staff).allowed_actions
        )
        self.assertIn("submit", self.registration.with_user(self.head).allowed_actions)
        with self.assertRaises(AccessError):
            self.registration.with_user(self.staff).write({"note": "Sửa"})
        with self.assertRaises(AccessError):
            mine.with_user(self.staff).write({"note": "Sửa"})
        with freeze_time("2024-01-21"), self.assertRaises(AccessError):
            self.registration.with_user(self.staff).action_submit()
        with self.assertRaises(AccessError):
            self.env["tdkt.registration"].with_user(self.staff).create(
                {"movement_id": self.movement.id, "unit_id": self.unit_div1.id}
            )

    def test_registration_officer_named_by_the_office(self):
        self.unit_office.registrar_user_ids = self.staff
        self.registration.with_user(self.staff).write({"note": "Bổ sung"})
        with freeze_time("2024-01-21"):
            self.registration.with_user(self.staff).action_submit()
        self.assertEqual(self.registration.state, "submitted")

    def test_head_of_another_unit(self):
        with self.assertRaises(AccessError):
            self.registration.with_user(self.head_div).write({"note": "Sửa"})
        thematic = self.create_movement(name="Đợt thi đua chuyên đề", kind="thematic")
        with freeze_time("2024-01-10"):
            thematic.with_user(self.chief).action_launch()
        with self.assertRaises(AccessError):
            self.env["tdkt.registration"].with_user(self.head_div).create(
                {"movement_id": thematic.id, "unit_id": self.unit_office.id}
            )
        own = (
            self.env["tdkt.registration"]
            .with_user(self.head_div)
            .create({"movement_id": self.movement.id, "unit_id": self.unit_div1.id})
        )
        self.assertEqual(own.signer_id, self.head_div_employee)

    def test_unit_cannot_accept_nor_forge_its_status(self):
        with freeze_time("2024-01-21"):
            self.registration.with_user(self.head).action_submit()
        for action in ("action_accept", "action_accept_late", "action_return"):
            with self.assertRaises(AccessError):
                getattr(self.registration.with_user(self.head), action)()
        with self.assertRaises(AccessError):
            self.registration.with_user(self.head).with_context(tdkt_force=True).write(
                {"state": "accepted"}
            )
        with self.assertRaises(AccessError):
            self.registration.with_user(self.head).write({"is_late": True})
        created = (
            self.env["tdkt.registration"]
            .with_user(self.head_div)
            .create(
                {
                    "movement_id": self.movement.id,
                    "unit_id": self.unit_div1.id,
                    "state": "accepted",
                    "submitted_date": "2024-01-01",
                }
            )
        )
        self.assertEqual(created.state, "draft")
        self.assertFalse(created.submitted_date)

    def test_council_reads_all_changes_nothing(self):
        self.assertEqual(
            self.env["tdkt.registration"].with_user(self.council).search([]),
            self.registration,
        )
        self.assertEqual(
            len(self.env["tdkt.registration.line"].with_user(self.council).search([])),
            2,
        )
        with freeze_time("2024-01-21"):
            self.registration.with_user(self.head).action_submit()
        with self.assertRaises(AccessError):
            self.registration.with_user(self.council).action_accept()
        with self.assertRaises(AccessError):
            self.registration.with_user(self.council).write({"note": "Sửa"})

    def test_office_rollup_by_title_and_unit(self):
        rows = (
            self.env["tdkt.registration.line"]
            .with_user(self.office)
            ._read_group(
                [("movement_id", "=", self.movement.id)],
                ["award_type_id", "unit_id"],
                ["__count"],
            )
        )
        self.assertEqual(rows, [(self.ldtt, self.unit_office, 2)])

    def test_other_agency_sees_nothing(self):
        other = self.env["res.users"].create(
            {
                "name": "Văn phòng khác",
                "login": "t_other_office",
                "company_id": self.other_company.id,
                "company_ids": [(6, 0, self.other_company.ids)],
                "groups_id": [
                    (6, 0, self.env.ref("tdkt_emulation.group_tdkt_office").ids)
                ],
            }
        )
        self.assertFalse(self.env["tdkt.registration"].with_user(other).search([]))
        self.assertFalse(self.env["tdkt.movement"].with_user(other).search([]))
