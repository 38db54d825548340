from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoMovement(TransactionCase):
    """The seed's 2024 movement and the departments' registrations."""

    def test_seed_movement_launched_in_january(self):
        movement = self.env.ref("tdkt_emulation.tdkt_movement_2024_demo")
        self.assertEqual(movement.state, "launched")
        self.assertEqual(movement.document_number, "02/KH-TTr")
        self.assertEqual(movement.issue_date, date(2024, 1, 15))
        self.assertEqual(movement.kind, "regular")
        self.assertEqual(len(movement.title_ids), 5)
        task = self.env.ref("tdkt_emulation.tdkt_plan_2024_q1_t2_demo")
        self.assertEqual(task.name, "Phát động phong trào thi đua")
        self.assertEqual(task.movement_ids, movement)
        self.assertEqual(task.state, "done")
        self.assertEqual(task.done_date, date(2024, 1, 15))

    def test_registrations_of_the_departments(self):
        movement = self.env.ref("tdkt_emulation.tdkt_movement_2024_demo")
        registrations = movement.registration_ids
        self.assertEqual(len(registrations), 4)
        self.assertEqual(
            sorted(registrations.mapped("state")),
            ["accepted", "accepted", "returned", "returned"],
        )
        late = registrations.filtered("is_late")
        self.assertEqual(late.unit_id.name, "Phòng Nghiệp vụ 2")
        self.assertIn("đăng ký muộn", late.message_ids[0].body)
        self.assertFalse(movement.missing_unit_ids)
        rollup = {
            award.code: count
            for award, count in self.env["tdkt.registration.line"]._read_group(
                [("movement_id", "=", movement.id)], ["award_type_id"], ["__count"]
            )
        }
        self.assertEqual(rollup, {"LDTT": 9, "CSTDCS": 1, "GIAY_KHEN_CN": 1})

    def test_sector_movement_of_member_agencies(self):
        movement = self.env.ref("tdkt_emulation.tdkt_movement_2024_sector_demo")
        self.assertEqual(movement.state, "launched")
        self.assertEqual(movement.registrant_type, "agency")
        self.assertEqual(movement.document_number, "03/KH-TTr")
        self.assertEqual(movement.issue_date, date(2024, 1, 20))
        self.assertEqual(
            sorted(movement.registration_ids.mapped("state")),
            ["accepted", "submitted"],
        )
        self.assertEqual(
            movement.missing_unit_ids.name, "Thanh tra Sở Giao thông vận tải"
        )
        finance = self.env.ref(
            "tdkt_emulation.tdkt_registration_inspectorate_finance_demo"
        )
        self.assertEqual(finance.agency_name, "Thanh tra Sở Tài chính")
        self.assertEqual(
            finance.line_ids.mapped("person_name"), ["Hoàng Minh Đức", "Vi Thị Hạnh"]
        )
        self.assertFalse(finance.line_ids.employee_id)
